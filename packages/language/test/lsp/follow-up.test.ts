import { beforeAll, describe, expect, test } from 'vitest';
import { expectCompletion, expectHover } from 'langium/test';
import type { CompletionList } from 'vscode-languageserver';
import { createServices, workspace, type Services } from './fixtures.js';

// The editor in a follow-up: hover shows an indicator at each followed-up period; completion offers
// the plan's periods, indicators and activities.
const PLAN = `
mål trygg "Trygg omsorg"
plan omsorg "Omsorg 2026" {
  år 2026
  uppföljning T1, T2, helår
  enhet hemtjanst "Hemtjänsten" {
    indikator kontinuitet "Personalkontinuitet" {
      bidrar till trygg
      riktning lägre
      grön 13 eller färre
      gul 14–15
      utfall 2025: 16
      aktivitet "Fasta team i varje grupp" { senast 2026-04-30 }
    }
    indikator nojd "Nöjdhet" { grön 90 eller högre gul 85–89 }
    uppdrag schema "Nytt schema" { }
  }
}
`;
const T1 = `uppföljning T1 av omsorg {
  klar för rapport
  indikator kontinuitet {
    utfall: 17
    analys """Två grupper har haft vakanta tjänster under hela tertialet."""
  }
}
`;
const T2 = `uppföljning T2 av omsorg {
  indikator kontinuitet { utfall: 14 }
}
`;

const labels = (list: CompletionList) => list.items.map(i => i.label);

describe('a follow-up in the editor', () => {
    let s: Services;
    beforeAll(async () => {
        s = await createServices();
        await workspace(s, { 'plan.vplan': PLAN, 't1.vplan': T1, 't2.vplan': T2 });
        s.Vplan.i18n.Locale.lang = 'sv';
    });

    test('hover on the indicator (in the follow-up) shows it at each period: outcome, status, the analysis', async () => {
        const text = `uppföljning T2 av omsorg {\n  indikator kont<|>inuitet { utfall: 14 }\n}\n`;
        await expectHover(s.Vplan)({
            text, index: 0, disposeAfterCheck: true,
            hover: /Uppföljning per period:\n- T1: 17 — 🔴 röd · _Två grupper har haft vakanta tjänster under hela tertialet\._\n- T2: 14 — .*gul/
        });
    });

    test('completion offers the plan\'s periods after uppföljning', async () => {
        await expectCompletion(s.Vplan)({
            text: `uppföljning <|>`, index: 0, disposeAfterCheck: true,
            assert: list => expect(labels(list)).toEqual(expect.arrayContaining(['T1', 'T2', 'helår']))
        });
    });

    test('completion offers the plan\'s indicators, and only those, in a follow-up', async () => {
        await expectCompletion(s.Vplan)({
            text: `uppföljning T2 av omsorg {\n  indikator <|>\n}\n`, index: 0, disposeAfterCheck: true,
            assert: list => expect(labels(list).filter(l => l === 'kontinuitet' || l === 'nojd').sort()).toEqual(['kontinuitet', 'nojd'])
        });
    });

    test('completion offers the plan\'s activity titles after aktivitet', async () => {
        await expectCompletion(s.Vplan)({
            text: `uppföljning T2 av omsorg {\n  aktivitet <|>\n}\n`, index: 0, disposeAfterCheck: true,
            assert: list => expect(labels(list)).toContain('"Fasta team i varje grupp"')
        });
    });
});
