import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { services, validate } from './helpers.js';

const WARNING = DiagnosticSeverity.Warning, HINT = DiagnosticSeverity.Hint, ERROR = DiagnosticSeverity.Error;

// Deadlines are judged as of a fixed date (before the plan's first deadline), not the day the tests run.
beforeEach(() => { services.Vplan.followUp.AsOf.date = '2026-04-15'; });
afterEach(() => { services.Vplan.followUp.AsOf.date = undefined; });

// A plan and its follow-ups as separate files, as a strategist keeps them.
const PLAN = `
mål trygg "Trygg omsorg"
roll chef "Chef"
plan omsorg "Omsorg 2026" {
  år 2026
  uppföljning T1, T2, helår
  enhet hemtjanst "Hemtjänsten" {
    indikator kontinuitet "Personalkontinuitet" {
      bidrar till trygg
      riktning lägre
      grön 13 eller färre
      gul 14–15
      mäts tertialvis
      ansvarig chef
      rapporterar chef
      aktivitet "Fasta team" {
        senast 2026-04-30
      }
    }
    indikator nojd "Nöjdhet" {
      bidrar till trygg
      grön 90 eller högre
      gul 85–89
      mäts årligen
      ansvarig chef
      rapporterar chef
    }
    uppdrag schema "Nytt schema" {
      ansvarig chef
      rapporterar chef
    }
  }
}
`;

function followUp(body: string, period = 'T1'): string {
    return `uppföljning ${period} av omsorg {\n${body}\n}\n`;
}

describe('a follow-up ready for the report', () => {
    test('a red indicator without analysis (warning) and without actions (hint), with fixes that add them', async () => {
        const v = await validate([followUp(`  klar för rapport\n  indikator kontinuitet {\n    utfall: 17\n  }`), PLAN], 'sv');
        const [analysis] = v.byCode('follow-up-missing-analysis');
        expect(analysis.severity).toBe(WARNING);
        expect(v.text(analysis)).toBe('kontinuitet');
        expect(analysis.message).toContain('röd');
        expect(analysis.message).toContain('analys');
        const [actions] = v.byCode('follow-up-missing-actions');
        expect(actions.severity).toBe(HINT);
        // The fix inserts an empty analysis after the outcome, indented like it.
        const fix = (analysis.data as { fix: { newText: string; range: { start: { line: number; character: number } } } }).fix;
        const doc = TextDocument.create('x', 'vplan', 1, v.documents[0].textDocument.getText());
        const fixed = TextDocument.applyEdits(doc, [{ range: { start: fix.range.start, end: fix.range.start }, newText: fix.newText }]);
        expect(fixed).toContain('    utfall: 17\n    analys """');
        const inserted = await validate([fixed, PLAN], 'sv');
        expect(inserted.documents[0].parseResult.parserErrors).toEqual([]);
        // An empty analysis is still no analysis; written, it is.
        expect(inserted.codes()).toContain('follow-up-missing-analysis');
        const written = await validate([fixed.replace('analys """\n      \n', 'analys """\n      Vakanser.\n'), PLAN], 'sv');
        expect(written.codes()).not.toContain('follow-up-missing-analysis');
    });

    test('with analysis and actions: nothing; a green indicator needs neither', async () => {
        const v = await validate([followUp(`  klar för rapport
  indikator kontinuitet {
    utfall: 14
    analys """Vakanser."""
    åtgärder "Rekrytera."
  }`), PLAN]);
        expect(v.codes()).toEqual([]);
        const green = await validate([followUp(`  klar för rapport\n  indikator kontinuitet { utfall: 12 }`), PLAN]);
        expect(green.codes()).toEqual([]);
    });

    test('a draft is not checked for analysis', async () => {
        const v = await validate([followUp(`  utkast\n  indikator kontinuitet { utfall: 17 }`), PLAN]);
        expect(v.codes()).not.toContain('follow-up-missing-analysis');
    });

    test('an indicator due at the period (tertial) without outcome; a yearly one is not due at T1 but at helår', async () => {
        const t1 = await validate([followUp('  klar för rapport'), PLAN], 'en');
        const missing = t1.byCode('follow-up-missing-outcome');
        expect(missing.map(d => d.message)).toEqual([expect.stringContaining('"Personalkontinuitet"')]);
        expect(missing[0].severity).toBe(WARNING);
        expect(t1.text(missing[0])).toBe('T1');
        const annual = await validate([followUp('  klar för rapport\n  indikator kontinuitet { utfall: 12 }', 'helår'), PLAN]);
        expect(annual.byCode('follow-up-missing-outcome').map(d => d.message)).toEqual([expect.stringContaining('"Nöjdhet"')]);
        // Listed without an outcome: reported on its line.
        const listed = await validate([followUp('  klar för rapport\n  indikator kontinuitet {\n    analys "Kommer."\n  }'), PLAN]);
        expect(listed.text(listed.byCode('follow-up-missing-outcome')[0])).toBe('kontinuitet');
    });
});

describe('activities', () => {
    test('past its deadline and not done, as of the date set (the CLI --as-of)', async () => {
        const asOf = services.Vplan.followUp.AsOf;
        try {
            asOf.date = '2026-05-15';
            const v = await validate([followUp('  aktivitet "Fasta team" { status påbörjad }'), PLAN], 'sv');
            const [d] = v.byCode('activity-overdue');
            expect(d.severity).toBe(WARNING);
            expect(v.text(d)).toBe('"Fasta team"');
            expect(d.message).toContain('2026-04-30');
            expect(d.message).toContain('påbörjad');
            asOf.date = '2026-04-01';
            expect((await validate([followUp('  aktivitet "Fasta team" { status påbörjad }'), PLAN])).codes()).not.toContain('activity-overdue');
            asOf.date = '2026-05-15';
            expect((await validate([followUp('  aktivitet "Fasta team" { status klar }'), PLAN])).codes()).not.toContain('activity-overdue');
            // Not mentioned in the follow-up at all: still found, on the header.
            const silent = await validate([followUp('  utkast'), PLAN]);
            expect(silent.text(silent.byCode('activity-overdue')[0])).toBe('T1');
        } finally {
            asOf.date = '2026-04-15';
        }
    });

    test('progress going backwards without a comment; with one it is fine', async () => {
        const t1 = followUp('  aktivitet "Fasta team" { status klar }');
        const back = await validate([followUp('  aktivitet "Fasta team" { status påbörjad }', 'T2'), t1, PLAN], 'sv');
        const [d] = back.byCode('progress-backwards');
        expect(d.severity).toBe(WARNING);
        expect(d.message).toContain('från klar till påbörjad');
        expect(back.text(d)).toBe('påbörjad');
        const explained = await validate([followUp('  aktivitet "Fasta team" { status påbörjad kommentar "Omtag." }', 'T2'), t1, PLAN]);
        expect(explained.codes()).not.toContain('progress-backwards');
    });
});

describe('references', () => {
    test('a period the plan does not have, with a fix', async () => {
        const v = await validate([followUp('  utkast', 'T3'), PLAN], 'sv');
        const [d] = v.byCode('follow-up-unknown-period');
        expect(d.severity).toBe(ERROR);
        expect(d.message).toContain('T1, T2, helår');
        expect((d.data as { fix?: { newText: string } }).fix?.newText).toMatch(/^T[12]$/);
    });

    test('an activity title the plan does not have, with the closest as fix; an unknown assignment id; an unknown series', async () => {
        const v = await validate([followUp(`  aktivitet "Fasta teamen" { status klar }
  uppdrag schemat { status klar }
  indikator kontinuitet { utfall htj: 12 }`), PLAN], 'sv');
        const found = v.byCode('follow-up-not-in-plan');
        expect(found.map(d => v.text(d))).toEqual(['htj', '"Fasta teamen"', 'schemat']);
        expect((found[1].data as { fix: { newText: string } }).fix.newText).toBe('"Fasta team"');
        expect((found[2].data as { fix: { newText: string } }).fix.newText).toBe('schema');
    });

    test('the English follow-up reads the same', async () => {
        const v = await validate([`follow-up T1 of omsorg {
  ready for report
  indicator kontinuitet {
    outcome: 17
    analysis "Vacancies."
    actions "Recruit."
  }
  mission schema { status started comment "On its way." }
}`, PLAN]);
        expect(v.documents[0].parseResult.parserErrors).toEqual([]);
        expect(v.codes()).toEqual([]);
    });
});
