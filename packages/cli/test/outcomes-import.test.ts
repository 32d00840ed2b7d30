// `vplan outcomes import` as a user runs it: the built CLI in its own process, on a CSV as Swedish
// Excel saves it and on a real .xlsx workbook (written by write-excel-file, read by the CLI).
import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { ensureBuilt, tempCopy, vplan } from './helpers.js';

beforeAll(() => ensureBuilt(), 240_000);

const ORIGINAL = readFileSync(path.join(__dirname, 'fixtures/kolada/omsorg.vplan'), 'utf8');

describe('vplan outcomes import', () => {
    test('a semicolon CSV with decimal commas, ids and exact titles: the diff, exit 1, nothing written; --write writes exactly those outcomes', () => {
        const dir = tempCopy('kolada');
        writeFileSync(path.join(dir, 'utfall.csv'), '\uFEFFIndikator;Period;Värde\r\nsabo;2024;66\r\nHelhetssyn hemtjänst;2025;91,5\r\negen;2025-T2;4,25\r\negen;2026;iu\r\n');
        const show = vplan(['outcomes', 'import', 'utfall.csv', 'kolada/omsorg.vplan'], { cwd: dir });
        expect(show.code).toBe(1);
        expect(show.stdout).toBe([
            '--- kolada/omsorg.vplan',
            '+++ kolada/omsorg.vplan (utfall.csv)',
            '@@ -19,1 +19,1 @@ htj',
            '-      utfall 2025: 93 (2024)',
            '+      utfall 2025: 91,5',
            '@@ -25,1 +25,3 @@ egen',
            '-      utfall 2025: 4',
            '+      utfall 2025-T2: 4,25',
            '+      utfall 2025: 4',
            '+      utfall 2026: iu',
            ''
        ].join('\n'));
        expect(show.stderr).toBe('1 outcome to change, 2 to add — run again with --write to apply\n');
        expect(readFileSync(path.join(dir, 'kolada/omsorg.vplan'), 'utf8')).toBe(ORIGINAL);

        const write = vplan(['outcomes', 'import', '--write', 'utfall.csv', 'kolada/omsorg.vplan'], { cwd: dir });
        expect(write.code).toBe(0);
        expect(write.stderr).toBe('kolada/omsorg.vplan: 1 outcome changed, 2 added (utfall.csv)\n');
        expect(readFileSync(path.join(dir, 'kolada/omsorg.vplan'), 'utf8')).toBe(ORIGINAL
            .replace('utfall 2025: 93 (2024)', 'utfall 2025: 91,5')
            .replace('      utfall 2025: 4\n', '      utfall 2025-T2: 4,25\n      utfall 2025: 4\n      utfall 2026: iu\n'));
        const again = vplan(['outcomes', 'import', 'utfall.csv', 'kolada/omsorg.vplan'], { cwd: dir });
        expect(again.code).toBe(0);
        expect(again.stderr).toBe('The plan already has the 4 outcomes of the table.\n');
        expect(vplan(['validate', 'kolada'], { cwd: dir }).code).toBe(0);
    });

    test('rows that match nothing: each with a did-you-mean, in Swedish; exit 2 and nothing written even with --write', () => {
        const dir = tempCopy('kolada');
        writeFileSync(path.join(dir, 'fel.csv'), 'indikator,år,värde\nHelhetsyn hemtjänst,2025,"91,5"\nokänd,2025,3\nsabo,förra året,3\nsabo,2025,mycket\n');
        const r = vplan(['outcomes', 'import', '--write', '--lang', 'sv', 'fel.csv', 'kolada/omsorg.vplan'], { cwd: dir });
        expect(r.code).toBe(2);
        expect(r.stderr).toBe([
            'vplan: fel.csv: rad 2: ingen indikator "Helhetsyn hemtjänst" i planen — menade du htj "Helhetssyn hemtjänst"?',
            'vplan: fel.csv: rad 3: ingen indikator "okänd" i planen',
            'vplan: fel.csv: rad 4: "förra året" är ingen period (2025, 2025-T1, 2025-03 …)',
            'vplan: fel.csv: rad 5: "mycket" är inget värde (ett tal med decimalkomma eller -punkt, eller iu)',
            'vplan: 4 rader kunde inte användas; inget skrevs (rätta tabellen och kör igen)',
            ''
        ].join('\n'));
        expect(readFileSync(path.join(dir, 'kolada/omsorg.vplan'), 'utf8')).toBe(ORIGINAL);
    });

    test('an .xlsx workbook: numeric cells, --sheet by name; a missing sheet or file, one line and exit 2', async () => {
        const dir = tempCopy('kolada');
        await writeXlsxFile([
            { sheet: 'Anteckningar', data: [['Inte utfall']] },
            { sheet: 'Utfall', data: [['Indicator', 'Year', 'Value'], ['sabo', 2025, 63.5], ['Egen mätning', 2026, 7]] }
        ]).toFile(path.join(dir, 'hr.xlsx'));
        const r = vplan(['outcomes', 'import', '--sheet', 'Utfall', '--write', 'hr.xlsx', 'kolada/omsorg.vplan'], { cwd: dir });
        expect(r.stderr).toBe('kolada/omsorg.vplan: 1 outcome changed, 1 added (hr.xlsx)\n');
        expect(r.code).toBe(0);
        expect(readFileSync(path.join(dir, 'kolada/omsorg.vplan'), 'utf8')).toBe(ORIGINAL
            .replace('utfall 2025: 62   /* inaktuellt */', 'utfall 2025: 63,5   /* inaktuellt */')
            .replace('      utfall 2025: 4\n', '      utfall 2025: 4\n      utfall 2026: 7\n'));

        const first = vplan(['outcomes', 'import', 'hr.xlsx', 'kolada/omsorg.vplan'], { cwd: dir });
        expect(first.code).toBe(2);
        expect(first.stderr).toBe('vplan: hr.xlsx [Anteckningar]: row 1: the table needs a header row with the columns indicator, period and value\nvplan: 1 row could not be used; nothing written (correct the table and run again)\n');
        const noSheet = vplan(['outcomes', 'import', '--sheet', 'Blad9', 'hr.xlsx', 'kolada/omsorg.vplan'], { cwd: dir });
        expect(noSheet.stderr).toBe('vplan: hr.xlsx: no sheet "Blad9" (sheets: "Anteckningar", "Utfall")\n');
        expect(noSheet.code).toBe(2);
        const missing = vplan(['outcomes', 'import', 'saknas.xlsx', 'kolada/omsorg.vplan'], { cwd: dir });
        expect(missing.stderr).toBe('vplan: saknas.xlsx: no such file or folder\n');
        expect(missing.code).toBe(2);
        writeFileSync(path.join(dir, 'trasig.xlsx'), 'not a zip');
        const broken = vplan(['outcomes', 'import', 'trasig.xlsx', 'kolada/omsorg.vplan'], { cwd: dir });
        expect(broken.stderr).toMatch(/^vplan: trasig\.xlsx: cannot be read as \.xlsx \(.+\)\n$/);
        expect(broken.code).toBe(2);
    });
});
