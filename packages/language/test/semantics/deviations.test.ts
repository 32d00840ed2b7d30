import { describe, expect, test } from 'vitest';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { parseHelper } from 'langium/test';
import {
    countStatuses, createVplanCoreServices, deviationsIn, deviationsOf, isIndicator, isPlan, assessIndicator,
    type Document
} from '../../src/index.js';
import { AstUtils } from 'langium';
import { loadWorkspace } from '../../src/node/workspace.js';

const services = createVplanCoreServices(EmptyFileSystem).Vplan;
const parse = parseHelper<Document>(services);

const plan = `plan p "P" { år 2025
  indikator a "A green" { grön >= 10  gul >= 5  utfall 2025: 12 }
  indikator b "B cannot be assessed" { grön >= 10  gul 5–8  utfall 2025: 9 }
  indikator c "C yellow" { grön >= 10  gul >= 5  utfall 2025: 6 }
  indikator d "D red" { grön >= 10  gul >= 5  utfall 2025: 1 }
  indikator e "E no data" { grön >= 10  utfall 2025: iu }
  indikator f "F pending" { grön >= 10  utfall 2025: väntas }
  indikator g "G red too" { grön ja  utfall 2025: nej }
  indikator h "H no outcome" { grön >= 10 }
}`;

describe('deviations of a plan', () => {
    test('red, then yellow, then cannot be assessed; written order within a status; others left out', async () => {
        const doc = await parse(plan, { documentUri: 'file:///dev/1.vplan' });
        expect(doc.parseResult.parserErrors).toEqual([]);
        const found = deviationsIn(doc.parseResult.value);
        expect(found.map(d => [d.indicator.name, d.status])).toEqual([
            ['d', 'red'], ['g', 'red'], ['c', 'yellow'], ['b', 'undefined']
        ]);
        // The status is the assessment's own, not a second judgement.
        for (const d of found) expect(d.assessment).toBe(assessIndicator(d.indicator));
    });

    test('a plan without deviations gives an empty list', async () => {
        const doc = await parse('plan p "P" { indikator a "A" { grön >= 1 utfall 2025: 3 } }', { documentUri: 'file:///dev/2.vplan' });
        expect(deviationsIn(doc.parseResult.value)).toEqual([]);
        expect(deviationsOf([])).toEqual([]);
    });

    test('Norsjö omsorg 2026: every red, yellow and unassessable indicator, worst first', async () => {
        const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples/norsjo');
        const { documents } = await loadWorkspace(createVplanCoreServices(NodeFileSystem), [examples]);
        const doc = (documents as LangiumDocument<Document>[]).find(d => d.uri.path.endsWith('omsorg-2026.vplan'))!;
        const omsorg = doc.parseResult.value.elements.find(isPlan)!;
        const found = deviationsIn(omsorg);
        const counts = countStatuses(AstUtils.streamAllContents(omsorg).filter(isIndicator).map(assessIndicator));
        expect(found.filter(d => d.status === 'red')).toHaveLength(counts.red);
        expect(found.filter(d => d.status === 'yellow')).toHaveLength(counts.yellow);
        expect(found.filter(d => d.status === 'undefined')).toHaveLength(counts.undefined);
        expect(counts.red).toBeGreaterThan(0);
        const statuses = found.map(d => d.status);
        const firstYellow = statuses.indexOf('yellow');
        const firstUndefined = statuses.indexOf('undefined');
        expect(statuses.lastIndexOf('red')).toBeLessThan(firstYellow);
        expect(statuses.lastIndexOf('yellow')).toBeLessThan(firstUndefined);
    });
});
