import { beforeAll, describe, expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, ROOT, tempCopy, vplan } from './helpers.js';

beforeAll(() => ensureBuilt(), 240_000);

const OLD = path.join(ROOT, 'examples/norsjo/aktiviteter-2025.vplan');
const NEW = path.join(ROOT, 'examples/norsjo/omsorg-2026.vplan');

describe('vplan diff', () => {
    test('Norsjö 2025 → 2026: the council indicators whose bands changed, added and dropped indicators; exit 1', () => {
        const r = vplan(['diff', OLD, NEW, '--lang', 'sv']);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(1);
        expect(r.stdout).toMatch(/^Jämförelse: Verksamhetsplan 2025 med aktiviteter → Verksamhetsplan Omsorg 2026\n/);
        const bands = r.stdout.split('\n\n').find(b => b.startsWith('Ändrade målnivåer'))!;
        expect(bands.split('\n')).toEqual([
            'Ändrade målnivåer (2)',
            '  Helhetssyn särskilt boende (5.2 Äldreomsorgen): grön ≥ 82, gul ≥ 76 och < 82, röd under 76 → grön ≥ 82, gul 74–81, röd under 74',
            '  Helhetssyn hemtjänst (5.2 Äldreomsorgen): grön ≥ 95, gul ≥ 91 och < 95, röd under 91 → grön ≥ 95, gul 84–94, röd under 84'
        ]);
        expect(r.stdout).toContain('  + Sjukfrånvaro omsorg (5.1 Ledningsgrupp Omsorg)\n');
        expect(r.stdout).toContain('  - Sjukfrånvaro\n');
        // The council indicators are matched by title across the years, not reported as new.
        expect(r.stdout).not.toContain('+ Helhetssyn särskilt boende\n');
    });

    test('JSON and Markdown say the same', () => {
        const json = JSON.parse(vplan(['diff', OLD, NEW, '--format', 'json', '--lang', 'en']).stdout);
        expect(json.old.id).toBe('aktiviteter2025');
        expect(json.new.id).toBe('omsorg2026');
        expect(json.bands.map((c: { new: { id: string } }) => c.new.id)).toEqual(['helhetssynSarskiltBoende', 'helhetssynHemtjanst']);
        expect(json.bands[0].from).toBe('green ≥ 82, yellow ≥ 76 and < 82, red below 76');
        expect(json.added.length).toBe(21);
        expect(json.dropped.length).toBe(11);
        const md = vplan(['diff', OLD, NEW, '--format', 'md', '--lang', 'en']).stdout;
        expect(md).toMatch(/^# Comparison: Verksamhetsplan 2025 med aktiviteter → Verksamhetsplan Omsorg 2026\n/);
        expect(md).toContain('## Bands changed (2)\n\n- **Helhetssyn särskilt boende (5.2 Äldreomsorgen)**: green ≥ 82');
    });

    test('matched by id, then KPI, then title: a renamed indicator with the same KPI is a rename; no change gives exit 0', () => {
        const dir = tempCopy();
        const a = path.join(dir, 'a.vplan'), b = path.join(dir, 'b.vplan');
        writeFileSync(a, 'roll r "Rektor"\nroll s "Strateg"\nplan a "A" { indikator x "Läsning åk 3" { källa k kpi "N15" grön >= 80 ansvarig r }\n indikator y "Y" { grön >= 1 } }\nkälla k "Kolada"\n');
        writeFileSync(b, 'plan b "B" { indikator z "Läsförmåga åk 3" { källa k kpi "N15" grön >= 85 ansvarig s }\n indikator y "Y" { grön >= 1 } }\n');
        const r = vplan(['diff', a, b, '--format', 'json', '--lang', 'en']);
        expect(r.code).toBe(1);
        const d = JSON.parse(r.stdout);
        expect(d.renamed).toEqual([expect.objectContaining({ from: 'Läsning åk 3', to: 'Läsförmåga åk 3' })]);
        expect(d.bands.map((c: { from: string; to: string }) => [c.from, c.to])).toEqual([['green ≥ 80, red below 80', 'green ≥ 85, red below 85']]);
        expect(d.responsible.map((c: { from: string[]; to: string[] }) => [c.from, c.to])).toEqual([[['Rektor'], ['Strateg']]]);
        expect([d.added, d.dropped]).toEqual([[], []]);
        const same = vplan(['diff', a, a, '--lang', 'en']);
        expect(same.code).toBe(0);
        expect(same.stdout).toContain('No differences in the indicators.');
    });

    test('bad usage: one line, exit 2', () => {
        const r = vplan(['diff', OLD]);
        expect(r.code).toBe(2);
        expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
        const missing = vplan(['diff', OLD, '/nonexistent/x.vplan']);
        expect(missing.code).toBe(2);
        expect(missing.stderr).toMatch(/^vplan: .*x\.vplan: no such file or folder\n$/);
    });
});
