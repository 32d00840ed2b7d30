import { beforeAll, describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstUtils, isReference, type AstNode, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import {
    createVplanCoreServices, isActivity, isAmount, isBand, isBaseline, isBudgetAssignment, isControlArea,
    isDeadline, isFollowUp, isFollowUpRef, isFootnote, isFrequency, isIndicator, isMission, isOutcome,
    isPlan, isReporting, isResponsible, isRestatement, isRole, isSection, isSeriesDecl, isSourceRef, isUnit,
    type Band, type Document, type Indicator, type Outcome, type Section
} from '../src/index.js';
import { loadWorkspace } from '../src/node/workspace.js';

// The examples are the transcriptions of the real plans (examples/norsjo) and a plan written with the
// English keywords (examples/english). Each folder is loaded as one workspace, as the CLI does, so
// references across its files resolve. Only parse and link results are asserted here: validation
// findings (the documents' real inconsistencies) belong to the validator's tests.

const examplesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../examples');

interface Loaded {
    documents: LangiumDocument<Document>[];
    byFile: Map<string, LangiumDocument<Document>>;
}

async function load(folder: string): Promise<Loaded> {
    const services = createVplanCoreServices(NodeFileSystem);
    const { documents, problems } = await loadWorkspace(services, [path.join(examplesDir, folder)]);
    expect(problems).toEqual([]);
    const docs = documents as LangiumDocument<Document>[];
    return { documents: docs, byFile: new Map(docs.map(d => [path.basename(d.uri.fsPath), d])) };
}

function all<T extends AstNode>(root: AstNode, guard: (n: unknown) => n is T): T[] {
    return AstUtils.streamAllContents(root).filter(guard).toArray();
}

function indicator(doc: LangiumDocument<Document>, name: string): Indicator {
    const found = all(doc.parseResult.value, isIndicator).find(i => i.name === name);
    if (!found) throw new Error(`no indicator ${name} in ${doc.uri.fsPath}`);
    return found;
}

function outcome(ind: Indicator, period: string): Outcome {
    const found = ind.members.filter(isOutcome).filter(o => o.period === period);
    expect(found, `${ind.name} outcome ${period}`).toHaveLength(1);
    return found[0];
}

function band(ind: Indicator, color: string, series?: string): Band {
    const found = ind.members.filter(isBand).filter(b => b.color === color && b.series?.$refText === series);
    expect(found, `${ind.name} ${color} ${series ?? ''}`).toHaveLength(1);
    return found[0];
}

/** The sections directly below a plan or a section, by title. */
function section(parent: { members: unknown[] }, title: string): Section {
    const found = parent.members.filter(isSection).find(s => s.title === title);
    if (!found) throw new Error(`no section "${title}"`);
    return found;
}

function plan(doc: LangiumDocument<Document>) {
    const plans = doc.parseResult.value.elements.filter(isPlan);
    expect(plans).toHaveLength(1);
    return plans[0];
}

/** Every reference of the document that did not resolve, with its text. */
function unresolvedReferences(doc: LangiumDocument): string[] {
    const unresolved: string[] = [];
    for (const node of AstUtils.streamAst(doc.parseResult.value)) {
        for (const { reference } of AstUtils.streamReferences(node)) {
            const resolved = isReference(reference) ? reference.ref !== undefined : reference.items.length > 0;
            if (!resolved || reference.error) unresolved.push(reference.$refText);
        }
    }
    return unresolved;
}

describe('every example parses and links', () => {
    const folders = readdirSync(examplesDir, { withFileTypes: true })
        .filter(e => e.isDirectory()).map(e => e.name).sort();

    test('the example folders are there', () => {
        expect(folders).toEqual(expect.arrayContaining(['english', 'norsjo']));
    });

    test.each(folders)('examples/%s', async folder => {
        const { documents } = await load(folder);
        expect(documents.length).toBeGreaterThan(1);
        for (const doc of documents) {
            const where = path.relative(examplesDir, doc.uri.fsPath);
            expect(doc.parseResult.lexerErrors.map(e => `${where}:${e.line}: ${e.message}`)).toEqual([]);
            expect(doc.parseResult.parserErrors.map(e => `${where}:${e.token.startLine}: ${e.message}`)).toEqual([]);
            const linkingErrors = (doc.diagnostics ?? [])
                .filter(d => (d.data as { code?: string } | undefined)?.code === 'linking-error')
                .map(d => `${where}:${d.range.start.line + 1}: ${d.message}`);
            expect(linkingErrors).toEqual([]);
            expect(unresolvedReferences(doc), where).toEqual([]);
        }
    });
});

describe('examples/norsjo: kommun.vplan', () => {
    let doc: LangiumDocument<Document>;
    beforeAll(async () => {
        doc = (await load('norsjo')).byFile.get('kommun.vplan')!;
    });

    test('organisation, goals, sources and comparison group', () => {
        const els = doc.parseResult.value.elements;
        const org = els.find(e => e.$type === 'Organisation');
        expect(org).toMatchObject({ name: 'norsjo', title: 'Norsjö kommun', koladaId: '2417' });
        expect(els.filter(e => e.$type === 'Goal').map(g => g.title)).toEqual([
            'Hållbar och effektiv organisation',
            'Välfärd och välmående genom livet',
            'Välkomnande och attraktiv bygd',
            'Långsiktig hållbarhet med en ekonomi i balans för att uppnå god ekonomisk hushållning'
        ]);
        expect(els.filter(e => e.$type === 'Source').map(s => s.title))
            .toEqual(['Kolada', 'HR', 'Patientsäkerhetsberättelse', 'Medborgarundersökningen']);
        expect(els.filter(e => e.$type === 'ComparisonGroup').map(g => g.title)).toEqual(['Jämförbara kommuner']);
    });

    test('every role of both plans, titled as written', () => {
        const titles = doc.parseResult.value.elements.filter(isRole).map(r => r.title);
        expect(titles).toEqual(expect.arrayContaining([
            'Verksamhetschef', 'Enhetschef', 'Enhetschefer', 'Enhetschef särskilt boende',
            'Enhetschefer särskilt boende', 'Enhetschef hemtjänst', 'Enhetschef individ- och familjeomsorg',
            'Enhetschef medicinsk enhet', 'Enhetschefer omsorg', 'Respektive chef i omsorgen',
            'Respektive enhetschef', 'IFO-chef', 'Medicinskt ansvarig sjuksköterska', 'HR', 'Rekryterare HR',
            'Strateg', 'Strateg omsorg', 'Handläggare', 'Styrgrupp kvalitet i omsorgen', 'KU'
        ]));
        expect(titles).toHaveLength(20);
        expect(new Set(titles).size).toBe(titles.length);
    });
});

describe('examples/norsjo: omsorg-2026.vplan', () => {
    let doc: LangiumDocument<Document>;
    beforeAll(async () => {
        doc = (await load('norsjo')).byFile.get('omsorg-2026.vplan')!;
    });

    test('the plan: year, follow-up periods and top-level sections in order', () => {
        const p = plan(doc);
        expect(p.members.find(m => m.$type === 'PlanYear')).toMatchObject({ year: '2026' });
        const followUps = p.members.filter(isFollowUp);
        expect(followUps.flatMap(f => f.periods.map(x => x.name))).toEqual(['T1', 'T2', 'annual']);
        expect(p.members.filter(isSection).map(s => s.title)).toEqual([
            '1 Inledning', '2 Uppdrag', '3 Förutsättningar för planering',
            '4 Gemensamma mål i Norsjö kommun', '5 Verksamhetens mål'
        ]);
        // The document's own numbering, oddities included: 2.2.1 follows 2.3, 4.3 repeats 4.2's title.
        const uppdrag = section(p, '2 Uppdrag');
        expect(uppdrag.members.filter(isSection).map(s => s.title))
            .toEqual(['2.1 Det kommunala uppdraget', '2.2 Budgetuppdrag 2026', '2.3 Det systematiska kvalitetsarbetet']);
        expect(section(uppdrag, '2.3 Det systematiska kvalitetsarbetet').members.filter(isSection).map(s => s.title))
            .toEqual(['2.2.1 Roller och ansvar']);
        expect(section(p, '3 Förutsättningar för planering').members.filter(isSection)).toHaveLength(9);
        expect(section(p, '4 Gemensamma mål i Norsjö kommun').members.filter(isSection).map(s => s.title)).toEqual([
            '4.1 Kommunövergripande mål', '4.2 Kommunfullmäktiges indikatorer', '4.3 Kommunfullmäktiges indikatorer'
        ]);
    });

    test('prose is Markdown with its lists', () => {
        const p = plan(doc);
        const intro = section(p, '1 Inledning');
        expect(intro.text).toMatch(/^Syftet med verksamhetsplanen är att vara ett verktyg/);
        expect(intro.text).toMatch(/till uppdrag och utvecklingsbehov\.$/);
        const uppdrag = section(section(p, '2 Uppdrag'), '2.1 Det kommunala uppdraget');
        expect(uppdrag.text!.split('\n').filter(l => l.startsWith('- '))).toHaveLength(6);
        const goals = section(section(p, '4 Gemensamma mål i Norsjö kommun'), '4.1 Kommunövergripande mål');
        expect(goals.text).toContain('- Välfärd och välmående genom livet');
    });

    test('8 units and 25 indicator rows, of which 2 restate the council\'s', () => {
        const units = all(doc.parseResult.value, isUnit);
        expect(units.map(u => u.title)).toEqual([
            '5.1 Ledningsgrupp Omsorg', '5.2 Äldreomsorgen', '5.3 Funktionsnedsättningsomsorgen',
            '5.4 Individ- och Familjeomsorgen', '5.5 Medicinska Enheten', '5.6 Integration',
            '5.7 Arbetsmarknad', '5.8 Fokusområde nya socialtjänstlagen'
        ]);
        expect(units.map(u => u.members.filter(isIndicator).length)).toEqual([4, 2, 2, 2, 5, 2, 1, 5]);
        const indicators = all(doc.parseResult.value, isIndicator);
        expect(indicators).toHaveLength(25);
        const council = section(section(plan(doc), '4 Gemensamma mål i Norsjö kommun'), '4.2 Kommunfullmäktiges indikatorer');
        expect(council.members.filter(isIndicator).map(i => i.title))
            .toEqual(['Helhetssyn särskilt boende', 'Helhetssyn hemtjänst']);
        const restating = indicators.filter(i => i.members.some(isRestatement));
        expect(restating.map(i => [i.name, i.members.filter(isRestatement)[0].indicator.ref?.name])).toEqual([
            ['helhetssynSarskiltBoende', 'kfHelhetssynSarskiltBoende'],
            ['helhetssynHemtjanst', 'kfHelhetssynHemtjanst']
        ]);
    });

    test('every unit has its goals, visible improvements and effects', () => {
        const units = all(doc.parseResult.value, isUnit);
        const count = (type: string) => units.map(u => u.members.filter(m => m.$type === type).length);
        expect(count('Goal')).toEqual([3, 3, 3, 3, 2, 3, 1, 4]);
        expect(count('Improvement')).toEqual([5, 3, 3, 3, 3, 3, 3, 6]);
        expect(count('Effect')).toEqual([4, 3, 3, 3, 3, 3, 2, 5]);
        const focus = units[7].members.filter(m => m.$type === 'Goal');
        expect(focus.map(g => g.$type === 'Goal' ? g.points.length : 0)).toEqual([3, 2, 2, 3]);
    });

    test('every unit indicator row has its source, green, yellow and overarching goal', () => {
        for (const unit of all(doc.parseResult.value, isUnit)) {
            for (const ind of unit.members.filter(isIndicator)) {
                expect(ind.members.filter(isSourceRef), ind.name).toHaveLength(1);
                expect(ind.members.filter(isBand).map(b => b.color), ind.name).toEqual(['green', 'yellow']);
                expect(ind.members.filter(m => m.$type === 'Contribution'), ind.name).toHaveLength(1);
                expect(ind.members.filter(isOutcome), ind.name).toHaveLength(2);
            }
        }
    });

    test('the council indicators of 4.2: scale max and levels', () => {
        const sabo = indicator(doc, 'kfHelhetssynSarskiltBoende');
        expect(sabo.members.find(m => m.$type === 'Scale')).toMatchObject({ max: '100' });
        expect(band(sabo, 'green').spec).toMatchObject({ $type: 'Level', value: { value: '82' } });
        expect(band(sabo, 'yellow').spec).toMatchObject({ $type: 'Level', value: { value: '76' } });
        const htj = indicator(doc, 'kfHelhetssynHemtjanst');
        expect(band(htj, 'green').spec).toMatchObject({ $type: 'Level', value: { value: '95' } });
        expect(band(htj, 'yellow').spec).toMatchObject({ $type: 'Level', value: { value: '91' } });
    });

    test('values exactly as in the tables', () => {
        const sick = indicator(doc, 'sjukfranvaroOmsorg');
        expect(sick.title).toBe('Sjukfrånvaro omsorg');
        expect(sick.members.filter(isSourceRef)[0].source.ref?.title).toBe('HR');
        expect(outcome(sick, '2025').value).toMatchObject({ $type: 'NumberValue', value: { value: '7,06' } });
        expect(outcome(sick, '2024').value).toMatchObject({ $type: 'NumberValue', value: { value: '8' } });
        expect(band(sick, 'green').spec).toMatchObject({ $type: 'OpenBound', value: { value: '7,0' }, bound: 'lower' });
        expect(band(sick, 'yellow').spec).toMatchObject({ $type: 'RangeBand', from: '7,1', to: { value: '7,5' } });

        // "iu (2023)": no data, the value refers to 2023.
        const lss = indicator(doc, 'effektivitetsindexLss');
        expect(outcome(lss, '2024')).toMatchObject({ value: { $type: 'NoData', mark: 'iu' }, refersTo: '2023' });
        // "73 (2024)" in the 2025 column.
        const bistand = indicator(doc, 'effektivitetsindexEkonomisktBistand');
        expect(outcome(bistand, '2025')).toMatchObject({ value: { value: { value: '73' } }, refersTo: '2024' });
        // "Resultat presenteras v 24" under the table.
        expect(lss.members.filter(isSourceRef)[0].publication?.weeks.map(w => w.number)).toEqual(['24']);

        // "V 4" in the 2025 column: pending, available in week 4.
        const longTerm = indicator(doc, 'langtidsarbetslosa');
        expect(outcome(longTerm, '2025').value).toMatchObject({ $type: 'Pending', week: { number: '4' } });

        // HVB: "1,4 eller högre" with a yellow band 1,5–3,5 above it, as written.
        const hvb = indicator(doc, 'placeradeHvb');
        expect(band(hvb, 'green').spec).toMatchObject({ $type: 'OpenBound', value: { value: '1,4' }, bound: 'higher' });
        expect(band(hvb, 'yellow').spec).toMatchObject({ $type: 'RangeBand', from: '1,5', to: { value: '3,5' } });

        // Nattfasta: green "11 eller lägre" overlapping yellow "11–12".
        const fasting = indicator(doc, 'nattfasta');
        expect(band(fasting, 'green').spec).toMatchObject({ value: { value: '11' }, bound: 'lower' });
        expect(band(fasting, 'yellow').spec).toMatchObject({ from: '11', to: { value: '12' } });
        expect(outcome(fasting, '2025').value).toMatchObject({ value: { value: '12,64' } });
    });

    test('5.4 and 5.6 report 2023 and 2024, the other units 2024 and 2025', () => {
        const periods = (name: string) => indicator(doc, name).members.filter(isOutcome).map(o => o.period);
        for (const name of ['placeradeFamiljehem', 'placeradeHvb', 'etableringsuppdraget', 'arbetsloshetUtrikesFodda']) {
            expect(periods(name), name).toEqual(['2023', '2024']);
        }
        expect(periods('nattfasta')).toEqual(['2024', '2025']);
        expect(periods('toleransFungerarBra')).toEqual(['2024', '2025']);
    });

    test('the goal keeps the table\'s spelling and resolves to the goal of 4.1', () => {
        const contributions = all(doc.parseResult.value, isIndicator)
            .flatMap(i => i.members.filter(m => m.$type === 'Contribution'));
        const toWelfare = contributions.filter(c => c.$type === 'Contribution' && c.goal.$refText === 'valfard');
        // 5.2: 2, 5.3: 2, 5.4: 2, 5.5: 5, 5.6: 2, 5.7: 1, 5.8: 3 rows name the welfare goal.
        expect(toWelfare).toHaveLength(17);
        for (const c of toWelfare) {
            if (c.$type !== 'Contribution') continue;
            expect(c.writtenAs).toBe('Välfärd och välbefinnande genom livet');
            expect(c.goal.ref?.title).toBe('Välfärd och välmående genom livet');
        }
    });

    test('a footnote under each table that has one', () => {
        const units = all(doc.parseResult.value, isUnit);
        expect(units.map(u => u.members.filter(isFootnote).length)).toEqual([1, 1, 1, 1, 0, 1, 1, 0]);
        expect(units[3].members.filter(isFootnote)[0].text).toBe('*Uppgifter v 37');
        for (const name of ['placeradeFamiljehem', 'placeradeHvb']) {
            expect(indicator(doc, name).members.filter(isSourceRef)[0].publication?.weeks.map(w => w.number)).toEqual(['37']);
        }
    });
});

describe('examples/norsjo: aktiviteter-2025.vplan', () => {
    let doc: LangiumDocument<Document>;
    beforeAll(async () => {
        doc = (await load('norsjo')).byFile.get('aktiviteter-2025.vplan')!;
    });

    test('the plan: year, follow-up periods, intro sections', () => {
        const p = plan(doc);
        expect(p.members.find(m => m.$type === 'PlanYear')).toMatchObject({ year: '2025' });
        expect(p.members.filter(isFollowUp).flatMap(f => f.periods.map(x => x.name))).toEqual(['T1', 'T2', 'annual']);
        expect(p.members.filter(isSection).map(s => s.title)).toEqual([
            'Inledning', 'Utgångspunkter för verksamhetsplan', 'Återrapportering', 'Verksamhetsplan', 'Budgetuppdrag',
            'Uppdrag från kvalitetsledningsgruppen (utifrån patientsäkerhetsberättelse och kvalitetsrapport, uppföljning i det systematiska kvalitetsarbetet)',
            'Uppdrag Socialtjänstlagen och Nära vård', 'Uppdrag omsorgens ledningsgrupp'
        ]);
    });

    test('13 indicators: 7 of the council, 6 of the department', () => {
        expect(all(doc.parseResult.value, isIndicator)).toHaveLength(13);
        const vp = section(plan(doc), 'Verksamhetsplan');
        expect(section(vp, 'Kommunfullmäktiges indikatorer').members.filter(isIndicator).map(i => i.title)).toEqual([
            'Helhetssyn särskilt boende', 'Helhetssyn hemtjänst', 'HME', 'SAM – årlig uppföljning', 'Sjukfrånvaro',
            'Budgetavvikelse', 'Avslutsenkät'
        ]);
        expect(section(vp, 'Verksamhetens indikatorer').members.filter(isIndicator)).toHaveLength(6);
    });

    test('every indicator row has its goal, responsible and reporting roles', () => {
        for (const ind of all(doc.parseResult.value, isIndicator)) {
            expect(ind.members.filter(m => m.$type === 'Contribution'), ind.name).toHaveLength(1);
            expect(ind.members.filter(isResponsible), ind.name).toHaveLength(1);
            expect(ind.members.filter(isReporting), ind.name).toHaveLength(1);
        }
        const continuity = indicator(doc, 'personalkontinuitet2025');
        expect(continuity.members.filter(isResponsible)[0].roles.map(r => r.ref?.title))
            .toEqual(['Enhetschef särskilt boende', 'Enhetschef hemtjänst']);
        const executed = indicator(doc, 'verkstallda2025');
        expect(executed.members.filter(isResponsible)[0].roles.map(r => r.ref?.title)).toEqual(['Verksamhetschef', 'Enhetschefer']);
        expect(executed.members.filter(isReporting)[0].roles.map(r => r.ref?.title)).toEqual(['Handläggare']);
    });

    test('activities: one per line or bullet of the Aktiviteter column', () => {
        // Counted in the document: council indicators 2+2+3+1+3+3+2 = 16, department indicators
        // 2+2+3+3+2+4 = 16, budget assignments 1+2+1 = 4, control areas 2+1+1 = 4,
        // missions 8+2+2 (Socialtjänstlagen och Nära vård) + 1+2+2+3 (ledningsgruppen) = 20. In all 60.
        expect(all(doc.parseResult.value, isActivity)).toHaveLength(60);
        const perIndicator = all(doc.parseResult.value, isIndicator).map(i => i.members.filter(isActivity).length);
        expect(perIndicator).toEqual([2, 2, 3, 1, 3, 3, 2, 2, 2, 3, 3, 2, 4]);
        const activitiesOf = (nodes: Array<{ members: AstNode[] }>) => nodes.map(n => n.members.filter(isActivity).length);
        const root = doc.parseResult.value;
        expect(activitiesOf(all(root, isBudgetAssignment))).toEqual([1, 2, 1]);
        expect(activitiesOf(all(root, isControlArea))).toEqual([2, 1, 1]);
        expect(activitiesOf(all(root, isMission))).toEqual([8, 2, 2, 1, 2, 2, 3]);
    });

    test('frequency: the document\'s words, and the one row without any', () => {
        const frequencies = all(doc.parseResult.value, isIndicator).map(i => {
            const f = i.members.filter(isFrequency);
            return f.length ? `${f[0].frequency}${f[0].note ? ` ${f[0].note}` : ''}` : undefined;
        });
        expect(frequencies).toEqual([
            'yearly', 'yearly', 'yearly', 'yearly', 'monthly', 'monthly', 'yearly',
            'yearly maj', 'yearly', undefined, 'yearly', 'yearly', 'yearly'
        ]);
        expect(indicator(doc, 'heltidsanstallda2025').title).toBe('Bibehålla eller öka andelen heltidsanställda');
    });

    test('thresholds in the document\'s own forms', () => {
        expect(band(indicator(doc, 'helhetssynSarskiltBoende2025'), 'green').spec).toMatchObject({ $type: 'Level', value: { value: '82' } });
        expect(band(indicator(doc, 'helhetssynSarskiltBoende2025'), 'yellow').spec).toMatchObject({ $type: 'Level', value: { value: '76' } });
        const sam = indicator(doc, 'sam2025');
        expect(band(sam, 'green').spec).toMatchObject({ $type: 'YesNo', answer: 'yes' });
        expect(band(sam, 'red').spec).toMatchObject({ $type: 'YesNo', answer: 'no' });
        expect(band(indicator(doc, 'budgetavvikelse2025'), 'yellow').spec)
            .toMatchObject({ $type: 'Level', value: { value: '0,5', unit: '%' } });
        expect(band(indicator(doc, 'genomforandeplan2025'), 'green').spec)
            .toMatchObject({ $type: 'ShareOfYes', answer: 'yes', share: { value: '95', unit: '%' } });
        expect(band(indicator(doc, 'heltidsanstallda2025'), 'green').spec)
            .toMatchObject({ $type: 'RelativeChange', change: 'increase', value: { value: '10', unit: '%' } });
        const continuity = indicator(doc, 'personalkontinuitet2025');
        expect(continuity.members.filter(isSeriesDecl).map(s => s.name)).toEqual(['htj', 'sabo']);
        expect(band(continuity, 'green', 'htj').spec).toMatchObject({ $type: 'OpenBound', value: { value: '13' }, bound: 'lower' });
        expect(band(continuity, 'green', 'sabo').spec).toMatchObject({ $type: 'OpenBound', value: { value: '1,3' }, bound: 'lower' });
        expect(band(continuity, 'yellow', 'htj').spec).toMatchObject({ $type: 'RangeBand', from: '14', to: { value: '15' } });
        expect(band(continuity, 'yellow', 'sabo').spec).toMatchObject({ $type: 'RangeBand', from: '1,4', to: { value: '1,7' } });
        const cost = indicator(doc, 'kostnadEkonomisktBistand2025');
        expect(band(cost, 'green').spec).toMatchObject({ $type: 'RankBand', value: { value: '25', unit: '%' }, best: true });
        expect(band(cost, 'yellow').spec).toMatchObject({ $type: 'RangeBand', from: '26', to: { value: '50', unit: '%' }, best: true });
        expect(cost.members.find(m => m.$type === 'Comparison')).toMatchObject({ group: { $refText: 'jamforbara' } });
    });

    test('baselines: "Nuläge (2023): Nej", "Nuläge Grön", "Nuläge Röd"', () => {
        const baseline = (name: string) => indicator(doc, name).members.filter(isBaseline);
        expect(baseline('verkstallda2025')).toMatchObject([{ period: '2023', value: { $type: 'AnswerValue', answer: 'no' } }]);
        expect(baseline('kostnadEkonomisktBistand2025')).toMatchObject([{ value: { $type: 'ColorValue', color: 'green' } }]);
        expect(baseline('placeradeBarnOchUnga2025')).toMatchObject([{ value: { $type: 'ColorValue', color: 'red' } }]);
    });

    test('the SAM deadline "senast 20251031"', () => {
        const [activity] = indicator(doc, 'sam2025').members.filter(isActivity);
        expect(activity.title).toBe('Samtliga chefer ska genomföra uppföljningen');
        expect(activity.members.filter(isDeadline).map(d => d.date)).toEqual(['2025-10-31']);
    });

    test('budget assignments: the amount and "T2, Årsbokslut 2025"', () => {
        const budgets = all(doc.parseResult.value, isBudgetAssignment);
        expect(budgets).toHaveLength(3);
        expect(budgets[0].members.filter(isAmount).map(a => a.amount)).toMatchObject([{ value: '150', unit: 'tkr' }]);
        expect(budgets.slice(1).flatMap(b => b.members.filter(isAmount))).toEqual([]);
        for (const b of budgets) {
            const [followUp] = b.members.filter(isFollowUpRef);
            expect(followUp.year).toBe('2025');
            expect(followUp.periods.map(p => p.ref?.name)).toEqual(['T2', 'annual']);
            expect(b.members.filter(isResponsible)).toHaveLength(1);
            expect(b.members.filter(isReporting)[0].roles.map(r => r.ref?.title)).toEqual(['Verksamhetschef']);
        }
    });

    test('3 control areas and 7 missions in their sections, with expected effects', () => {
        const p = plan(doc);
        expect(all(doc.parseResult.value, isControlArea).map(c => c.members.filter(isReporting)[0].roles[0].ref?.title))
            .toEqual(['Styrgrupp kvalitet i omsorgen', 'Styrgrupp kvalitet i omsorgen', 'Styrgrupp kvalitet i omsorgen']);
        expect(all(doc.parseResult.value, isMission)).toHaveLength(7);
        const sol = section(p, 'Uppdrag Socialtjänstlagen och Nära vård').members.filter(isMission);
        const board = section(p, 'Uppdrag omsorgens ledningsgrupp').members.filter(isMission);
        expect(sol.map(m => m.title)).toEqual(['Införande nya SoL', 'Team barn och unga', 'Demensteam']);
        expect(board.map(m => m.title))
            .toEqual(['Lokalutredning', 'Fast omsorgskontakt', 'Språkbedömning', 'Läkemedelsautomater i assisterat läge']);
        expect([...sol, ...board].map(m => m.members.filter(x => x.$type === 'Effect').length)).toEqual([3, 1, 3, 2, 2, 2, 3]);
        expect(board[0].members.filter(isResponsible)[0].roles.map(r => r.ref?.title)).toEqual(['Strateg omsorg', 'KU']);
        expect(board[2].members.filter(isResponsible)[0].roles.map(r => r.ref?.title)).toEqual(['Enhetschefer omsorg', 'Rekryterare HR']);
    });
});

describe('examples/english', () => {
    let doc: LangiumDocument<Document>;
    beforeAll(async () => {
        doc = (await load('english')).byFile.get('school-2026.vplan')!;
    });

    test('English keywords give the canonical model', () => {
        expect(all(doc.parseResult.value, isUnit).map(u => u.title)).toEqual(['North School', 'South School']);
        expect(all(doc.parseResult.value, isIndicator)).toHaveLength(8);
        const reading = indicator(doc, 'readingYear3');
        expect(band(reading, 'green').spec).toMatchObject({ $type: 'CutPoint', op: '>=', value: { value: '85' } });
        expect(outcome(reading, '2024').value).toMatchObject({ value: { value: '81.5' } });
        expect(outcome(reading, '2026-T1').value).toMatchObject({ $type: 'Pending', week: { number: '24' } });
        const absence = indicator(doc, 'absence');
        expect(outcome(absence, '2026-02').value).toMatchObject({ value: { value: '5,9' } });
        expect(indicator(doc, 'certifiedTeachers').members.filter(isOutcome)[0].value).toMatchObject({ $type: 'NoData', mark: '-' });
        expect(indicator(doc, 'feelSafe').members.filter(isOutcome).map(o => o.series?.$refText)).toEqual(['year5', 'year9', 'year9']);
        const [laptops] = all(doc.parseResult.value, isBudgetAssignment);
        const amount = laptops.members.filter(isAmount)[0].amount;
        expect([amount.value.replace(/\s/g, ''), amount.unit]).toEqual(['1330', 'tkr']);
        expect(all(doc.parseResult.value, isActivity).flatMap(a => a.members.filter(m => m.$type === 'Progress'))
            .map(p => p.$type === 'Progress' ? p.state : '')).toEqual(['started', 'done', 'delayed', 'not-started', 'cancelled']);
        expect(all(doc.parseResult.value, isMission)).toHaveLength(1);
        expect(all(doc.parseResult.value, isControlArea)).toHaveLength(1);
    });
});
