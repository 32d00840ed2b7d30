import { beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, vplan } from './helpers.js';

beforeAll(() => ensureBuilt(), 240_000);

// The council's indicator in kommun.vplan, restated by a unit in omsorg.vplan with other bands; the
// unit's roles are declared in kommun.vplan.
const KOMMUN = `organisation norsjo "Norsjö kommun"
roll chef "Verksamhetschef"
mål valfard "Välfärd"

plan kf2026 "Kommunfullmäktiges mål 2026" {
  år 2026
  indikator kfHelhet "Helhetssyn" {
    grön 82 eller högre
    gul 74–81
    ansvarig chef
    mäts årligen
  }
}
`;
const OMSORG = `plan omsorg2026 "Omsorg 2026" {
  organisation norsjo
  År 2026
  Enhet aldre "Äldreomsorgen" {
    Indikator helhet "Helhetssyn" {
      Återger kfHelhet
      Grön minst 80
      Gul 74–79
      Ansvarig chef
      Mäts årligen
    }
  }
}
`;

function folder(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'vplan-related-'));
    writeFileSync(path.join(dir, 'kommun.vplan'), KOMMUN);
    writeFileSync(path.join(dir, 'omsorg.vplan'), OMSORG);
    return dir;
}

describe('a finding about two places points at both', () => {
    test('one changed file, checked alone, resolves against the plans of its folder', () => {
        const r = vplan(['validate', 'omsorg.vplan', '--format', 'json'], { cwd: folder() });
        const out = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string }[] }[] };
        expect(out.files.map(f => f.path)).toEqual(['omsorg.vplan']);
        expect(out.files[0].diagnostics.map(d => d.code)).toEqual(['restated-thresholds-differ', 'restated-thresholds-differ']);
        expect(r.code).toBe(0);
    });

    test('json: related [{ path, range, message }] names the restated band in the other file', () => {
        const r = vplan(['validate', 'omsorg.vplan', '--format', 'json'], { cwd: folder() });
        const d = JSON.parse(r.stdout).files[0].diagnostics[0];
        expect(d.related).toHaveLength(1);
        expect(d.related[0].path).toBe('kommun.vplan');
        expect(d.related[0].range.start).toEqual({ line: 7, character: 4 });
        expect(d.related[0].message).toMatch(/^kfHelhet: /);
    });

    test('sarif: relatedLocations with the other file and a 1-based region', () => {
        const r = vplan(['validate', 'omsorg.vplan', '--format', 'sarif'], { cwd: folder() });
        const result = JSON.parse(r.stdout).runs[0].results[0];
        expect(result.ruleId).toBe('restated-thresholds-differ');
        expect(result.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('kommun.vplan');
        expect(result.relatedLocations[0].physicalLocation.region.startLine).toBe(8);
        expect(result.relatedLocations[0].message.text).toMatch(/^kfHelhet: /);
    });

    test('pretty: "se kommun.vplan:8:5" under the finding; github names it in the message', () => {
        const dir = folder();
        const pretty = vplan(['validate', 'omsorg.vplan'], { cwd: dir, env: { LANG: 'sv_SE.UTF-8' } }).stdout;
        expect(pretty).toMatch(/se kommun\.vplan:8:5 kfHelhet: /);
        const github = vplan(['validate', 'omsorg.vplan', '--format', 'github'], { cwd: dir }).stdout;
        expect(github).toContain('(kommun.vplan:8:5: kfHelhet: ');
    });

    test('duplicate-id points at the other declaration', () => {
        const dir = folder();
        writeFileSync(path.join(dir, 'roller.vplan'), 'roll chef "Chef igen"\n');
        const r = vplan(['validate', 'roller.vplan', '--format', 'json'], { cwd: dir });
        const d = JSON.parse(r.stdout).files[0].diagnostics.find((x: { code: string }) => x.code === 'duplicate-id');
        expect(d.related[0].path).toBe('kommun.vplan');
        expect(d.related[0].range.start).toEqual({ line: 1, character: 5 });
    });
});
