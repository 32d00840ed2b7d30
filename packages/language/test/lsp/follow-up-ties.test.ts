import { describe, expect, test } from 'vitest';
import { URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createServices, workspace } from './fixtures.js';

// The follow-ups of one plan read each other (T2's "progress went backwards" compares with T1), yet
// neither references the other: an edit in T1 must re-check T2 in the editor at once, as a fresh
// build would, not when T2 is next edited.

const PLAN = `roll chef "Chef"
plan omsorg "Omsorg 2026" {
  år 2026
  uppföljning T1, T2, helår
  indikator kontinuitet "Personalkontinuitet" {
    grön 13 eller färre
    gul 14–15
    mäts tertialvis
    ansvarig chef
    aktivitet "Fasta team" {
      senast 2026-12-30
    }
  }
}
`;
const followUp = (period: string, status: string) => `uppföljning ${period} av omsorg {\n  aktivitet "Fasta team" { status ${status} }\n}\n`;

describe('follow-ups of one plan in the editor', () => {
    test('editing T1 re-checks T2: progress-backwards appears and goes with the edit', async () => {
        const s = await createServices();
        const [, , t2] = await workspace(s, {
            'plan.vplan': PLAN,
            't1.vplan': followUp('T1', 'påbörjad'),
            't2.vplan': followUp('T2', 'påbörjad')
        });
        const codes = () => (t2.diagnostics ?? []).map(d => d.code);
        expect(codes()).not.toContain('progress-backwards');

        let version = 1;
        const editT1 = async (status: string) => {
            setTextDocument(s.shared, TextDocument.create('file:///ws/t1.vplan', 'vplan', ++version, followUp('T1', status)));
            await s.shared.workspace.DocumentBuilder.update([URI.parse('file:///ws/t1.vplan')], []);
        };
        // T1 now says done: T2's "påbörjad" went backwards, without a comment.
        await editT1('klar');
        expect(codes()).toContain('progress-backwards');
        // And back: the finding goes.
        await editT1('påbörjad');
        expect(codes()).not.toContain('progress-backwards');
    });
});
