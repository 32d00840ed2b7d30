import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CODES, DIAGNOSTICS } from '../../src/index.js';
import { AstUtils, URI } from 'langium';
import { clearDocuments } from 'langium/test';
import { plan, services, validate, CATALOGUE } from './helpers.js';

const ERROR = DiagnosticSeverity.Error, WARNING = DiagnosticSeverity.Warning, HINT = DiagnosticSeverity.Hint;

describe('thresholds', () => {
    test('band-overlap on the band that overlaps (Nattfasta), with a fix moving its start', async () => {
        const v = await validate(plan('    grön 11 eller lägre\n    gul 11–12\n    utfall 2025: 12,64'));
        const [d] = v.byCode('band-overlap');
        expect(d.severity).toBe(WARNING);
        expect(v.text(d)).toBe('gul 11–12');
        expect(d.message).toContain('11');
        const fix = (d.data as { fix: { newText: string; range: never } }).fix;
        expect(fix.newText).toBe('11,01');
        expect(v.documents[0].textDocument.getText(fix.range)).toBe('11');
    });
    test('no band-overlap when yellow starts above green', async () => {
        const v = await validate(plan('    grön 11 eller lägre\n    gul 11,01–12\n    utfall 2025: 12,64'));
        expect(v.codes()).not.toContain('band-overlap');
        expect(v.codes()).not.toContain('band-gap');
    });

    test('band-gap at the precision the outcomes imply, on the yellow range (Sjukfrånvaro)', async () => {
        const v = await validate(plan('    grön 7,0 eller lägre\n    gul 7,1–7,5\n    utfall 2024: 8\n    utfall 2025: 7,06'), 'sv');
        const [gap] = v.byCode('band-gap');
        expect(v.text(gap)).toBe('gul 7,1–7,5');
        expect(gap.message).toContain('7,01–7,09');
        expect((gap.data as { from: number; to: number }).from).toBe(7.01);
        expect((gap.data as { fix: { newText: string } }).fix.newText).toBe('7,01');
        const [outcome] = v.byCode('outcome-in-gap');
        expect(outcome.severity).toBe(ERROR);
        expect(v.text(outcome)).toBe('7,06');
        expect(outcome.message).toContain('7,06');
    });
    test('no band-gap at one decimal when no outcome has two', async () => {
        const v = await validate(plan('    grön 7,0 eller lägre\n    gul 7,1–7,5\n    utfall 2024: 8\n    utfall 2025: 7,2'));
        expect(v.codes()).not.toContain('band-gap');
        expect(v.codes()).not.toContain('outcome-in-gap');
    });
    test('band-gap "49–64" then "65 eller högre" at one decimal leaves 64,1–64,9', async () => {
        const v = await validate(plan('    decimaler 1\n    grön 65 eller högre\n    gul 49–64'), 'sv');
        const [gap] = v.byCode('band-gap');
        expect(v.text(gap)).toBe('gul 49–64');
        expect(gap.message).toContain('64,1–64,9');
        expect((gap.data as { fix: { newText: string } }).fix.newText).toBe('64,9');
        const clean = await validate(plan('    decimaler 0\n    grön 65 eller högre\n    gul 49–64'));
        expect(clean.codes()).not.toContain('band-gap');
    });

    test('outcome-outside-bands: beyond every stated band, on the value; not when the scale already explains it', async () => {
        const v = await validate(plan('    grön 90–100\n    gul 80–89\n    röd 0–79\n    utfall 2025: 120'), 'sv');
        const [d] = v.byCode('outcome-outside-bands');
        expect(d.severity).toBe(ERROR);
        expect(v.text(d)).toBe('120');
        expect(d.message).toBe('Utfallet 120 (2025) ligger utanför alla band (grön 90–100, gul 80–89, röd 0–79) och kan inte bedömas.');
        expect(v.codes()).toEqual(['outcome-outside-bands']);
        expect((await validate(plan('    grön 90–100\n    gul 80–89\n    röd 0–79\n    utfall 2025: 100'))).codes()).toEqual([]);
        // Without a stated red band red lies below yellow: 120, above a green range, is still in no band.
        const implied = await validate(plan('    grön 90–100\n    gul 80–89\n    utfall 2025: 120'));
        expect(implied.byCode('outcome-outside-bands').map(x => x.message))
            .toEqual(['The outcome 120 (2025) is outside every band (green 90–100, yellow 80–89, red below 80) and cannot be assessed.']);
        expect((await validate(plan('    grön 90 eller högre\n    gul 80–89\n    utfall 2025: 120'))).codes()).toEqual([]);
        const scaled = await validate(plan('    maxvärde 100\n    grön 90–100\n    gul 80–89\n    röd 0–79\n    utfall 2025: 120'));
        expect(scaled.codes()).toEqual(['outcome-out-of-scale']);
    });
    test('outcome-outside-bands: an outcome of another kind than the bands (ja among numbers, a number among yes/no)', async () => {
        const v = await validate(plan('    grön 82 eller högre\n    gul 74–81\n    utfall 2025: ja'));
        const [d] = v.byCode('outcome-outside-bands');
        expect(v.text(d)).toBe('ja');
        expect(d.message).toBe("The outcome ja (2025) is of another kind than the indicator's bands (green ≥ 82, yellow 74–81, red below 74) and cannot be assessed.");
        expect((await validate(plan('    grön 82 eller högre\n    gul 74–81\n    utfall 2025: 80'))).codes()).toEqual([]);
        const yesNo = await validate(plan('    grön ja\n    röd nej\n    utfall 2025: 85'));
        expect(yesNo.byCode('outcome-outside-bands').map(x => yesNo.text(x))).toEqual(['85']);
        expect((await validate(plan('    grön ja\n    röd nej\n    utfall 2025: nej'))).codes()).toEqual([]);
    });
    test('outcome-outside-bands: an outcome naming no series, or a series without bands, of an indicator with bands per series', async () => {
        const series = '    serie a "A"\n    serie b "B"\n    grön a >= 90\n    gul a >= 80\n';
        const v = await validate(plan(series + '    utfall 2025 b: 85'), 'sv');
        expect(v.byCode('outcome-outside-bands').map(x => [v.text(x), x.message])).toEqual([
            ['b', 'Utfallet 85 (2025) gäller serien b, som saknar band, och kan inte bedömas: indikatorn har band för a.']
        ]);
        const both = series + '    grön b >= 70\n    gul b >= 60\n';
        const unnamed = await validate(plan(both + '    utfall 2025: 85'), 'sv');
        expect(unnamed.byCode('outcome-outside-bands').map(x => [unnamed.text(x), x.message])).toEqual([
            ['85', 'Utfallet 85 (2025) anger ingen serie och kan inte bedömas: indikatorn har band för a, b.']
        ]);
        expect((await validate(plan(both + '    utfall 2025 b: 85'))).codes()).toEqual([]);
        expect((await validate(plan(series + '    utfall 2025 a: 85'))).codes()).toEqual([]);
        // An unknown series is an unresolved reference, said once.
        const unknown = await validate(plan(series + '    utfall 2025 c: 85'));
        expect(unknown.codes()).toEqual(['unresolved-reference']);
    });
    test('direction-conflict on the green whose words set the direction (HVB), fix turns it around', async () => {
        const v = await validate(plan('    grön 1,4 eller högre\n    gul 1,5–3,5'), 'sv');
        const [d] = v.byCode('direction-conflict');
        expect(d.severity).toBe(WARNING);
        expect(v.text(d)).toBe('grön 1,4 eller högre');
        expect(d.message).toContain('1,4');
        expect(d.message).toContain('1,5–3,5');
        const fix = (d.data as { fix: { newText: string; range: never } }).fix;
        expect(v.documents[0].textDocument.getText(fix.range)).toBe('eller högre');
        expect(fix.newText).toBe('eller lägre');
        expect(v.codes()).not.toContain('band-overlap');
    });
    test('no direction-conflict when green is the lower side', async () => {
        const v = await validate(plan('    grön 1,4 eller lägre\n    gul 1,5–3,5'));
        expect(v.codes()).toEqual([]);
    });
    test('direction-conflict against a declared direction (English keywords)', async () => {
        const v = await validate(`role r "R"\nplan p "P" { year 2025\n indicator i "I" {\n    direction lower\n    green >= 82\n    yellow 74-81\n } }`);
        const [d] = v.byCode('direction-conflict');
        expect(v.text(d)).toBe('green >= 82');
        expect((d.data as { fix: { newText: string } }).fix.newText).toBe('<=');
        const ok = await validate(`role r "R"\nplan p "P" { year 2025\n indicator i "I" {\n    direction higher\n    green >= 82\n    yellow 74-81\n } }`);
        expect(ok.codes()).toEqual([]);
    });
    test('direction-conflict between bands under a declared direction: the message names the declaration, not the band', async () => {
        // "grön ≤ 30 betyder att högre är bättre" contradicted itself: the declaration sets the direction here.
        const v = await validate(plan('    riktning högre\n    grön 30 eller färre\n    gul 31–60'), 'sv');
        const onYellow = v.byCode('direction-conflict').find(d => v.text(d) === 'gul 31–60')!;
        expect(onYellow.message).toBe('Motstridig riktning: indikatorn anger att högre är bättre, men gul 31–60 ligger över grön ≤ 30.');
        const onGreen = v.byCode('direction-conflict').find(d => v.text(d) === 'grön 30 eller färre')!;
        expect(onGreen.message).toBe('Motstridig riktning: indikatorn anger att högre är bättre, men grön ≤ 30 säger motsatsen.');
        const levels = await validate(plan('    riktning lägre\n    grön 4,5\n    gul 3'));
        const [d] = levels.byCode('direction-conflict');
        expect(levels.text(d)).toBe('gul 3');
        expect(d.message).toBe('Conflicting direction: the indicator declares that lower is better, but yellow ≤ 3 lies below green ≤ 4.5.');
        expect((await validate(plan('    riktning lägre\n    grön 30 eller färre\n    gul 31–60'))).codes()).toEqual([]);
        expect((await validate(plan('    riktning lägre\n    grön 3\n    gul 4,5'))).codes()).toEqual([]);
        // Without a declaration the green band's words set the direction, and the message says so.
        const worded = await validate(plan('    grön 1,4 eller högre\n    gul 1,5–3,5'), 'sv');
        expect(worded.byCode('direction-conflict')[0].message).toBe('Motstridig riktning: grön ≥ 1,4 betyder att högre är bättre, men gul 1,5–3,5 ligger över det.');
    });

    test('outcome-out-of-scale also for a baseline, with its own wording', async () => {
        const v = await validate(plan('    maxvärde 100\n    grön >= 82\n    gul >= 74\n    nuläge 2024: 120\n    nuläge: 101'), 'sv');
        expect(v.byCode('outcome-out-of-scale').map(d => [v.text(d), d.message])).toEqual([
            ['120', 'Nuläget 120 (2024) ligger utanför skalan max 100.'],
            ['101', 'Nuläget 101 ligger utanför skalan max 100.']
        ]);
        expect((await validate(plan('    maxvärde 100\n    grön >= 82\n    gul >= 74\n    nuläge 2024: 100\n    nuläge: röd'))).codes()).toEqual([]);
    });
    test('out-of-scale: a threshold above max, an outcome above max and a negative share', async () => {
        const v = await validate(plan('    maxvärde 100\n    grön >= 105\n    gul 74–81\n    utfall 2025: 120\n    utfall 2024: -3 %'));
        const [t] = v.byCode('out-of-scale');
        expect(v.text(t)).toBe('105');
        const outcomes = v.byCode('outcome-out-of-scale');
        expect(outcomes.map(d => v.text(d))).toEqual(['120', '-3 %']);
        expect(outcomes[0].severity).toBe(ERROR);
        const ok = await validate(plan('    maxvärde 100\n    grön >= 95\n    gul 74–81\n    utfall 2025: 99\n    utfall 2024: 3 %'));
        expect(ok.codes()).not.toContain('out-of-scale');
        expect(ok.codes()).not.toContain('outcome-out-of-scale');
    });

    test('out-of-scale: a share of yes above 100 % and a negative percentage threshold; a declared scale allows negatives', async () => {
        const v = await validate(plan('    grön ja 105 %\n    gul ja 90 %'));
        expect(v.byCode('out-of-scale').map(d => v.text(d))).toEqual(['105 %']);
        const negative = await validate(plan('    grön -1 %\n    gul 0,5 %'));
        expect(negative.byCode('out-of-scale').map(d => negative.text(d))).toEqual(['-1 %']);
        const allowed = await validate(plan('    skala -100..100\n    grön -1 %\n    gul 0,5 %'));
        expect(allowed.codes()).toEqual([]);
    });

    test('outcome-in-overlap: an outcome both green and yellow', async () => {
        const v = await validate(plan('    grön 11 eller lägre\n    gul 11–12\n    utfall 2025: 11'));
        const [d] = v.byCode('outcome-in-overlap');
        expect(d.severity).toBe(ERROR);
        expect(v.text(d)).toBe('11');
    });

    test('mixed-threshold-kinds: a yes/no band among numbers', async () => {
        const v = await validate(plan('    grön >= 82\n    gul 74–81\n    röd nej'));
        const [d] = v.byCode('mixed-threshold-kinds');
        expect(v.text(d)).toBe('röd nej');
        const ok = await validate(plan('    grön ja\n    röd nej'));
        expect(ok.codes()).toEqual([]);
    });
});

describe('restatements', () => {
    const kf = `${CATALOGUE}
plan kf "KF" { år 2026
  indikator kfHelhetssyn "Helhetssyn särskilt boende" { maxvärde 100 grön nivå 82 gul nivå 76 }
}`;
    test('restated-thresholds-differ across files, on the differing band, fix = their band', async () => {
        const unit = `plan u "Unit" { år 2026
  indikator helhetssyn "Helhetssyn särskilt boende" {
    återger kfHelhetssyn
    grön 82 eller högre
    gul 74–81
  }
}`;
        const v = await validate([unit, kf], 'sv');
        const [d] = v.byCode('restated-thresholds-differ');
        expect(d.severity).toBe(WARNING);
        expect(v.text(d)).toBe('gul 74–81');
        expect(d.message).toContain('kfHelhetssyn');
        expect(d.message).toContain('74–81');
        expect(d.message).toContain('76');
        expect((d.data as { fix: { newText: string } }).fix.newText).toBe('gul nivå 76');
        expect(v.codes()).toHaveLength(1);
    });
    test('the same bands written another way are not a difference', async () => {
        const unit = `plan u "Unit" { år 2026
  indikator helhetssyn "Helhetssyn särskilt boende" {
    återger kfHelhetssyn
    grön 82 eller högre
    gul 76–81
  }
}`;
        const v = await validate([unit, kf]);
        expect(v.codes()).toEqual([]);
    });
    test('a restatement of a restatement is compared with the bands that apply there (those it takes in turn)', async () => {
        const unit = (green: string) => `plan u "Unit" { år 2026
  indikator forvaltning "Förvaltningens rad" { återger kfHelhetssyn }
  indikator enhetsrad "Enhetens rad" {
    återger forvaltning
    grön ${green}
    gul 76–81
  }
}`;
        const v = await validate([unit('85 eller högre'), kf], 'sv');
        const [d] = v.byCode('restated-thresholds-differ');
        expect(v.text(d)).toBe('grön 85 eller högre');
        expect(d.message).toBe('Grön skiljer sig från den återgivna indikatorn forvaltning: här ≥ 85, där ≥ 82.');
        expect(v.byCode('restated-thresholds-differ')).toHaveLength(1);
        expect((await validate([unit('82 eller högre'), kf])).codes()).toEqual([]);
    });
});

describe('responsibility', () => {
    test('missing-responsible and missing-reporter on an activity with nothing to inherit', async () => {
        const v = await validate(`${CATALOGUE}\nplan p "P" { år 2025\n enhet e "E" {\n  mål "Mål" { aktivitet "Göra något" }\n } }`, 'sv');
        const r = v.byCode('missing-responsible')[0];
        expect(v.text(r)).toBe('"Göra något"');
        expect(r.message).toContain('Göra något');
        expect(v.byCode('missing-reporter').map(d => v.text(d))).toEqual(['"Göra något"']);
    });
    test('an activity inherits responsible and reporter from its indicator', async () => {
        const v = await validate(plan('    aktivitet "Göra något"\n    ansvarig chef\n    rapporterar strateg\n    mäts årligen'));
        expect(v.codes()).toEqual([]);
    });
    test('a mission without responsible', async () => {
        const v = await validate(`${CATALOGUE}\nplan p "P" { år 2025\n uppdrag m "Demensteam" { aktivitet "Dialog" rapporterar chef }\n}`);
        const [d] = v.byCode('missing-responsible');
        expect(v.text(d)).toBe('"Demensteam"');
        expect(v.codes()).toEqual(['missing-responsible']);
    });
    test('missing-reporter on an indicator nobody reports, in a plan that records reporters', async () => {
        const text = (reports: string) => `${CATALOGUE}\nplan p "P" { år 2025
  indikator a "A" { grön ja mäts årligen ansvarig chef rapporterar strateg }
  indikator b "B" { grön ja mäts årligen ansvarig chef ${reports} }
}`;
        const v = await validate(text(''));
        const [d] = v.byCode('missing-reporter');
        expect(v.text(d)).toBe('b');
        expect((await validate(text('rapporterar chef'))).codes()).toEqual([]);
    });
    test('missing-frequency in a plan that records frequencies (andel heltidsanställda)', async () => {
        const text = (freq: string) => `${CATALOGUE}\nplan p "P" { år 2025
  indikator a "A" { grön ja mäts årligen }
  indikator heltid "Bibehålla eller öka andelen heltidsanställda" { grön öka med 10 % gul öka med 5 % ${freq} }
}`;
        const v = await validate(text(''));
        const [d] = v.byCode('missing-frequency');
        expect(d.severity).toBe(WARNING);
        expect(v.text(d)).toBe('heltid');
        expect((await validate(text('mäts årligen'))).codes()).toEqual([]);
    });
    test('no missing-frequency in a plan that records no frequencies at all', async () => {
        const v = await validate(plan('    grön ja'));
        expect(v.codes()).toEqual([]);
    });
});

describe('references and ids', () => {
    test('unresolved-reference with a suggestion in the message and in data', async () => {
        const v = await validate(plan('    grön ja\n    ansvarig chfe'), 'sv');
        const [d] = v.byCode('unresolved-reference');
        expect(d.severity).toBe(ERROR);
        expect(v.text(d)).toBe('chfe');
        expect(d.message).toBe('Okänd roll "chfe". Menade du "chef"?');
        expect((d.data as { suggestion: string }).suggestion).toBe('chef');
        expect((d.data as { fix: { newText: string } }).fix.newText).toBe('chef');
        expect(v.codes()).not.toContain('linking-error');
    });
    test('unresolved-reference in English, diacritics ignored for the suggestion', async () => {
        const v = await validate(`role enhetschefHemtjanst "Enhetschef hemtjänst"\nplan p "P" { year 2025 indicator i "I" { green yes responsible enhetschefHemtjänst } }`);
        const [d] = v.byCode('unresolved-reference');
        expect(d.message).toBe('Unknown role "enhetschefHemtjänst". Did you mean "enhetschefHemtjanst"?');
    });
    test('unresolved series and period: suggestions come from the local scope', async () => {
        const v = await validate(plan('    serie htj "Hemtjänst"\n    grön htk 13 eller färre\n    ansvarig chef rapporterar strateg\n    aktivitet "A" { uppföljning T9 }'));
        const messages = v.byCode('unresolved-reference').map(d => [v.text(d), d.message]);
        expect(messages).toEqual([
            ['htk', 'Unknown series "htk". Did you mean "htj"?'],
            ['T9', 'Unknown follow-up period "T9". Did you mean "T1"?']
        ]);
    });
    test('an unresolved restatement does not suggest the indicator itself', async () => {
        const text = (other: string) => `plan p "P" { år 2025\n  ${other}\n  indikator behorighet "B" { återger kfBehorighet grön ja }\n}`;
        const v = await validate(text(''));
        const [d] = v.byCode('unresolved-reference');
        expect(v.text(d)).toBe('kfBehorighet');
        expect(d.message).toBe('Unknown indicator "kfBehorighet".');
        const other = await validate(text('indikator kfBehorighet2 "K" { grön ja }'));
        expect(other.byCode('unresolved-reference').map(x => x.message)).toEqual(['Unknown indicator "kfBehorighet". Did you mean "kfBehorighet2"?']);
    });
    test('no suggestion when nothing is close', async () => {
        const v = await validate(plan('    grön ja\n    ansvarig xyzzyq'));
        const [d] = v.byCode('unresolved-reference');
        expect(d.message).toBe('Unknown role "xyzzyq".');
        expect((d.data as { suggestion?: string }).suggestion).toBeUndefined();
    });
    test('a resolved reference gives nothing', async () => {
        expect((await validate(plan('    grön ja\n    ansvarig chef'))).codes()).toEqual([]);
    });
    test('duplicate-id across files, on the name', async () => {
        const v = await validate([`roll chef "Chef"\nroll strateg "Strateg"`, `roll chef "Verksamhetschef"`]);
        const [d] = v.byCode('duplicate-id');
        expect(d.severity).toBe(ERROR);
        expect(v.text(d)).toBe('chef');
        expect(d.message).toContain('file1.vplan:1');
        expect(v.byCode('duplicate-id', 1)).toHaveLength(1);
        const ok = await validate([`roll chef "Chef"`, `roll chef2 "Verksamhetschef"`]);
        expect(ok.codes(0)).toEqual([]);
        expect(ok.codes(1)).toEqual([]);
    });
    test('Swedish messages agree with the gender of the kind: okänt mål, ett annat mål; okänd roll, en annan roll', async () => {
        const v = await validate(plan('    grön ja\n    bidrar till valfrd'), 'sv');
        const [u] = v.byCode('unresolved-reference');
        expect(v.text(u)).toBe('valfrd');
        expect(u.message).toBe('Okänt mål "valfrd". Menade du "valfard"?');
        expect((await validate(plan('    grön ja\n    bidrar till valfard'), 'sv')).codes()).toEqual([]);
        const goals = await validate([`mål valfard "Välfärd"`, `mål valfard "Välfärd igen"\nroll chef "Chef"\nroll chef "Chef igen"`], 'sv');
        const [goal, role] = goals.byCode('duplicate-id', 1);
        expect(goals.text(goal, 1)).toBe('valfard');
        expect(goal.message).toBe('Id:t "valfard" är redan deklarerat för ett annat mål (file0.vplan:1).');
        expect(role.message).toBe('Id:t "chef" är redan deklarerat för en annan roll (file1.vplan:3).');
        const ok = await validate([`mål valfard "Välfärd"`, `mål trygghet "Trygghet"`], 'sv');
        expect(ok.codes(1)).toEqual([]);
    });
    test('duplicate-id names the other file by its path when both files have the same name', async () => {
        await clearDocuments(services.shared);
        services.Vplan.i18n.Locale.preference = 'sv';
        const factory = services.shared.workspace.LangiumDocumentFactory;
        const docs = [
            ['file:///ws/2025/omsorg.vplan', 'roll chef "C"\nmål trygg "T"\nplan p2025 "P" { år 2025 enhet ifo "IFO" { } }'],
            ['file:///ws/2026/omsorg.vplan', 'plan p2026 "P" { år 2026\n  enhet ifo "IFO" { } }\nmål trygg "T"'],
            ['file:///ws/2026/annan.vplan', 'roll chef "C"']
        ].map(([uri, text]) => {
            const doc = factory.fromString(text, URI.parse(uri));
            services.shared.workspace.LangiumDocuments.addDocument(doc);
            return doc;
        });
        await services.shared.workspace.DocumentBuilder.build(docs, { validation: true });
        const messages = (i: number) => (docs[i].diagnostics ?? []).filter(d => d.code === 'duplicate-id').map(d => d.message);
        expect(messages(0)).toEqual([
            'Id:t "chef" är redan deklarerat för en annan roll (annan.vplan:1).',
            'Id:t "trygg" är redan deklarerat för ett annat mål (../2026/omsorg.vplan:3).'
        ]);
        expect(messages(1)).toEqual(['Id:t "trygg" är redan deklarerat för ett annat mål (../2025/omsorg.vplan:2).']);
    });
    test('what a plan declares is unique within the plan: last year\'s plan beside this year\'s may repeat its ids', async () => {
        await clearDocuments(services.shared);
        services.Vplan.i18n.Locale.preference = 'en';
        const factory = services.shared.workspace.LangiumDocumentFactory;
        const year = (y: number, bands: string) => `plan p${y} "P ${y}" { år ${y}
  enhet ifo "IFO" {
    indikator kfNojd "Nöjdhet" { ${bands} ansvarig chef rapporterar chef mäts årligen }
    indikator nojd "Nöjdhet" { återger kfNojd ${bands} ansvarig chef rapporterar chef mäts årligen }
  }
  budgetuppdrag b1 "B" { ansvarig chef rapporterar chef }
}`;
        const docs = [
            ['file:///ws/kommun.vplan', 'roll chef "C"'],
            ['file:///ws/2025.vplan', year(2025, 'grön >= 80 gul >= 70')],
            ['file:///ws/2026.vplan', year(2026, 'grön >= 85 gul >= 75')],
            ['file:///ws/2026-kopia.vplan', `plan kopia "K" { år 2026\n  enhet ifo "A" { }\n  enhet ifo "B" { } }`]
        ].map(([uri, text]) => {
            const doc = factory.fromString(text, URI.parse(uri));
            services.shared.workspace.LangiumDocuments.addDocument(doc);
            return doc;
        });
        await services.shared.workspace.DocumentBuilder.build(docs, { validation: true });
        const codes = (i: number) => (docs[i].diagnostics ?? []).map(d => d.code);
        // Same ids in the 2025 and 2026 plans: no clash, and each restatement finds its own plan's
        // indicator (same bands: no restated-thresholds-differ).
        expect(codes(1)).toEqual([]);
        expect(codes(2)).toEqual([]);
        for (const i of [1, 2]) {
            const unit = (docs[i].parseResult.value as any).elements[0].members.find((m: any) => m.$type === 'Unit');
            const restating = unit.members.find((m: any) => m.name === 'nojd');
            const target = restating.members.find((m: any) => m.$type === 'Restatement').indicator.ref;
            expect(AstUtils.getDocument(target).uri.toString()).toBe(docs[i].uri.toString());
        }
        // Twice in one plan is still a duplicate, on each of the two.
        expect((docs[3].diagnostics ?? []).filter(d => d.code === 'duplicate-id').map(d => d.message)).toEqual([
            'The id "ifo" is already declared for another unit (2026-kopia.vplan:3).',
            'The id "ifo" is already declared for another unit (2026-kopia.vplan:2).'
        ]);
    });
    test('a goal and a role may share a name (different kinds)', async () => {
        const v = await validate(`roll valfard "R"\nmål valfard "Välfärd"`);
        expect(v.codes()).toEqual([]);
    });
    test('duplicate series in one indicator', async () => {
        const v = await validate(plan('    serie htj "Hemtjänst"\n    serie htj "Igen"\n    grön htj ja'));
        const [d] = v.byCode('duplicate-id');
        expect(v.documents[0].textDocument.getText(d.range)).toBe('htj');
        expect(d.range.start.line).toBe(v.documents[0].textDocument.getText().split('\n').findIndex(l => l.includes('"Igen"')));
    });
});

describe('goals and periods', () => {
    test('goal-title-mismatch on the written title, data = the declared title', async () => {
        const v = await validate(plan('    grön ja\n    bidrar till valfard "Välfärd och välbefinnande genom livet"'), 'sv');
        const [d] = v.byCode('goal-title-mismatch');
        expect(d.severity).toBe(WARNING);
        expect(v.text(d)).toBe('"Välfärd och välbefinnande genom livet"');
        expect((d.data as { declaredTitle: string }).declaredTitle).toBe('Välfärd och välmående genom livet');
        expect((d.data as { fix: { newText: string } }).fix.newText).toBe('"Välfärd och välmående genom livet"');
        const ok = await validate(plan('    grön ja\n    bidrar till valfard "Välfärd och välmående genom livet"'));
        expect(ok.codes()).toEqual([]);
    });
    test('outcome-outside-plan after the plan year and long before it', async () => {
        const v = await validate(plan('    grön ja\n    utfall 2026: ja\n    utfall 2015: ja\n    utfall 2024: ja'));
        expect(v.byCode('outcome-outside-plan').map(d => v.text(d))).toEqual(['2026', '2015']);
    });
    test('deadline-outside-plan', async () => {
        const body = (date: string) => plan(`    grön ja\n    ansvarig chef rapporterar strateg\n    aktivitet "A" { senast ${date} }`);
        const v = await validate(body('2026-01-31'));
        const [d] = v.byCode('deadline-outside-plan');
        expect(v.text(d)).toBe('2026-01-31');
        expect((await validate(body('2025-10-31'))).codes()).toEqual([]);
    });
    test('unknown-period: T3 when the plan declares T1, T2', async () => {
        const v = await validate(plan('    grön ja\n    utfall 2025-T3: ja\n    utfall 2025-T2: ja'), 'sv');
        const [d] = v.byCode('unknown-period');
        expect(v.text(d)).toBe('2025-T3');
        expect(d.message).toContain('T3');
        expect(d.message).toContain('T1, T2, helår');
        expect(v.byCode('unknown-period')).toHaveLength(1);
    });
    test('deadline-outside-plan also for a date the calendar does not have, in a plan or not', async () => {
        const body = (date: string) => plan(`    grön ja\n    ansvarig chef rapporterar strateg\n    aktivitet "A" { senast ${date} }`);
        for (const date of ['2025-02-30', '2025-13-01', '2025-04-00']) {
            const v = await validate(body(date), 'sv');
            const [d] = v.byCode('deadline-outside-plan');
            expect(v.text(d)).toBe(date);
            expect(d.message).toBe(`Sista datum ${date} finns inte i kalendern.`);
            expect(v.codes()).toEqual(['deadline-outside-plan']);
        }
        expect((await validate(body('2025-02-28'))).codes()).toEqual([]);
        expect((await validate(body('2025-04-30'))).codes()).toEqual([]);
        const goal = (date: string) => `roll chef "C"\nmål g "G" {\n  aktivitet "A" { ansvarig chef rapporterar chef senast ${date} }\n}`;
        const outside = await validate(goal('2025-06-31'));
        expect(outside.byCode('deadline-outside-plan').map(d => [outside.text(d), d.message]))
            .toEqual([['2025-06-31', 'The deadline 2025-06-31 is not a date of the calendar.']]);
        expect((await validate(goal('2025-06-30'))).codes()).toEqual([]);
    });
    test('unknown-period for a sub-period no year has (2025-T4, 2025-Q5), even when the plan declares no periods', async () => {
        const text = (periods: string, outcome: string) =>
            `${CATALOGUE}\nplan p "Plan" {\n  år 2025\n${periods}  indikator i "I" {\n    grön ja\n    utfall ${outcome}: ja\n  }\n}\n`;
        const v = await validate(text('  uppföljning T1, T2, T3\n', '2025-T4'), 'sv');
        const [d] = v.byCode('unknown-period');
        expect(v.text(d)).toBe('2025-T4');
        expect(d.message).toBe('Perioden 2025-T4 finns inte: ett år har tertialerna T1–T3.');
        expect((await validate(text('  uppföljning T1, T2, T3\n', '2025-T3'))).codes()).toEqual([]);
        const q = await validate(text('', '2025-Q5'));
        expect(q.byCode('unknown-period').map(x => [q.text(x), x.message]))
            .toEqual([['2025-Q5', 'The period 2025-Q5 does not exist: a year has the quarters Q1–Q4.']]);
        expect((await validate(text('', '2025-Q4'))).codes()).toEqual([]);
    });
    test('missing-plan-year on the plan id; the year-based checks have nothing to go by', async () => {
        const text = (year: string) => `roll r "R"\nplan omsorg "Verksamhetsplan Omsorg" {\n${year}  indikator i "I" { grön ja utfall 2031: ja ansvarig r rapporterar r }\n}`;
        const v = await validate(text(''), 'sv');
        const [d] = v.byCode('missing-plan-year');
        expect(d.severity).toBe(WARNING);
        expect(v.text(d)).toBe('omsorg');
        expect(d.message).toBe('Planen "Verksamhetsplan Omsorg" anger inget år (år 2026 …): utfall och sista datum kan inte jämföras med planens år.');
        expect(v.codes()).toEqual(['missing-plan-year']);
        expect((await validate(text('  år 2031\n'))).codes()).toEqual([]);
    });
    test('stale-monthly-indicator is a hint on the frequency', async () => {
        const v = await validate(plan('    grön 6,5\n    gul 7\n    mäts månatligen\n    utfall 2024: 6'));
        const [d] = v.byCode('stale-monthly-indicator');
        expect(d.severity).toBe(HINT);
        expect(v.text(d)).toBe('månatligen');
        const ok = await validate(plan('    grön 6,5\n    gul 7\n    mäts månatligen\n    utfall 2025-03: 6'));
        expect(ok.codes()).toEqual([]);
    });
});

describe('languages and codes', () => {
    test('the same defect in English keywords and an English editor', async () => {
        const v = await validate(`role r "R"\nplan p "P" { year 2025 follow-up T1, T2\n indicator i "I" {\n    green 7.0 or lower\n    yellow 7.1-7.5\n    outcome 2025: 7.06\n } }`, 'en');
        const [gap] = v.byCode('band-gap');
        expect(v.text(gap)).toBe('yellow 7.1-7.5');
        expect(gap.message).toBe('Gap between green ≤ 7.0 and yellow 7.1–7.5: 7.01–7.09 is covered by no band (at 2 decimals).');
        expect((gap.data as { fix: { newText: string } }).fix.newText).toBe('7.01');
        const [o] = v.byCode('outcome-in-gap');
        expect(v.text(o)).toBe('7.06');
        expect(o.message).toBe('The outcome 7.06 (2025) falls in the gap between green ≤ 7.0 and yellow 7.1–7.5 and cannot be assessed.');
    });
    test('the message follows the chosen language; with auto, the plan\'s keywords, not the locale', async () => {
        const text = plan('    grön 7,0 eller lägre\n    gul 7,1–7,5\n    utfall 2025: 7,06');
        const sv = await validate(text, 'sv');
        expect(sv.byCode('band-gap')[0].message).toBe('Glapp mellan grön ≤ 7,0 och gul 7,1–7,5: 7,01–7,09 täcks inte av något band (med 2 decimaler).');
        const en = await validate(text, 'en');
        expect(en.byCode('band-gap')[0].message).toContain('is covered by no band');
        // auto: an English display language does not turn a Swedish plan's messages English.
        services.Vplan.i18n.Locale.lang = 'en';
        const auto = await validate(text, 'auto');
        expect(auto.byCode('band-gap')[0].message).toBe(sv.byCode('band-gap')[0].message);
        const english = await validate('plan p "P" { year 2025\n  unit u "U" {\n    indicator i "I" {\n      green 7.0 or lower\n      yellow 7.1–7.5\n      outcome 2025: 7.06\n    }\n  }\n}', 'auto');
        services.Vplan.i18n.Locale.lang = 'sv';
        const english2 = await validate('plan p "P" { year 2025\n  unit u "U" {\n    indicator i "I" {\n      green 7.0 or lower\n      yellow 7.1–7.5\n      outcome 2025: 7.06\n    }\n  }\n}', 'auto');
        expect(english.byCode('band-gap')[0].message).toContain('is covered by no band');
        expect(english2.byCode('band-gap')[0].message).toContain('is covered by no band');
    });
    test('every diagnostic carries its code in code and data.code; codes are kebab-case and catalogued', async () => {
        const v = await validate(plan('    grön 11 eller lägre\n    gul 11–12\n    utfall 2025: 11\n    utfall 2026-T3: 2\n    ansvarig nobody'));
        expect(v.diagnostics.length).toBeGreaterThan(3);
        for (const d of v.diagnostics) {
            expect(d.code, String(d.message)).toBeDefined();
            expect(d.code).toBe((d.data as { code: string }).code);
            expect(DIAGNOSTIC_CODES as string[]).toContain(d.code);
        }
        for (const code of DIAGNOSTIC_CODES) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
        expect(Object.keys(DIAGNOSTICS)).toHaveLength(DIAGNOSTIC_CODES.length);
    });
    test('parse errors keep Langium codes', async () => {
        const v = await validate('plan p "P" { år }');
        expect(v.diagnostics.some(d => (d.data as { code: string }).code === 'parsing-error')).toBe(true);
    });
});
