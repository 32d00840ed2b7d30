// Generates realistic synthetic plans for the benchmarks: the shapes of the Norsjö plans (units with
// goals, improvements and effects; indicators with bands in the notations the documents use,
// outcomes per year and tertial, "iu" and pending values; activities with who carries out and who
// reports, deadlines and progress; budget assignments and missions; Markdown prose), scaled up.
//
//   node bench/generate-plans.mjs [outDir]      (default: $TMPDIR/vplan-bench)
//
// Writes tiny.vplan, single/plan-{10k,100k,1m,10m}.vplan (self-contained) and workspace/ (one shared
// municipality file and 1,000 plans of about 11 KB that reference it). Deterministic: the same
// bytes on every run, so figures are comparable between runs and machines.
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const GENERATOR_VERSION = 5;

/** A small deterministic generator (mulberry32). */
function random(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const GOALS = [
    ['valfard', 'Välfärd och välmående genom livet'],
    ['effektivOrganisation', 'Hållbar och effektiv organisation'],
    ['bygd', 'Välkomnande och attraktiv bygd'],
    ['ekonomi', 'Långsiktig hållbarhet med en ekonomi i balans']
];
const ROLES = [
    ['verksamhetschef', 'Verksamhetschef'], ['enhetschef', 'Enhetschef'], ['enhetschefHemtjanst', 'Enhetschef hemtjänst'],
    ['enhetschefSabo', 'Enhetschef särskilt boende'], ['ifoChef', 'IFO-chef'], ['mas', 'Medicinskt ansvarig sjuksköterska'],
    ['hr', 'HR'], ['strateg', 'Strateg'], ['handlaggare', 'Handläggare'], ['styrgrupp', 'Styrgrupp kvalitet i omsorgen']
];
const SOURCES = [['kolada', 'Kolada'], ['hrStatistik', 'HR'], ['psb', 'Patientsäkerhetsberättelse'], ['medborgare', 'Medborgarundersökningen']];
const UNIT_NAMES = ['Äldreomsorgen', 'Hemtjänsten', 'Funktionsnedsättningsomsorgen', 'Individ- och familjeomsorgen', 'Medicinska enheten',
    'Integration', 'Arbetsmarknad', 'Särskilt boende', 'Korttidsboendet', 'Daglig verksamhet'];
const INDICATOR_TITLES = ['Helhetssyn särskilt boende', 'Sjukfrånvaro', 'Personalkontinuitet hemtjänst', 'Brukarnöjdhet', 'Väntetid till särskilt boende',
    'Andel brukare med genomförandeplan', 'Kostnad per invånare', 'Avvikelser läkemedel', 'Trygghet i boendet', 'Andel heltidsanställda'];
const PROSE = [
    'Syftet med verksamhetsplanen är att vara ett verktyg för planering av verksamhet, tydliggöra mål och strategier samt vara ett stöd för uppföljning.',
    'Varje insats ska utgå från individens behov och följas upp för att säkerställa **kvalitet** och *kontinuitet*.',
    '- Äldreomsorg (särskilda boenden, korttidsboende, hemtjänst)\n- Individ och familjeomsorgen (barn och unga, vuxna)\n- Medicinska enheten',
    'Uppföljning sker per tertial till utskottet; resultaten presenteras i [Kolada](https://www.kolada.se).'
];

export function sharedFile(prefix = '') {
    const out = [
        '// The municipality\'s shared catalogue (generated for the benchmarks).',
        `organisation ${prefix}norsjo "Norsjö kommun" {`, '  kolada 2417', `  förvaltning ${prefix}omsorg "Omsorg"`, '}', ''
    ];
    for (const [id, title] of GOALS) out.push(`mål ${prefix}${id} "${title}"`);
    out.push('');
    for (const [id, title] of ROLES) out.push(`roll ${prefix}${id} "${title}"`);
    out.push('');
    for (const [id, title] of SOURCES) out.push(`källa ${prefix}${id} "${title}"`);
    out.push(`jämförelsegrupp ${prefix}jamforbara "Jämförbara kommuner"`, '');
    return out.join('\n');
}

function indicator(r, id, title, ref, indent) {
    const pick = list => list[Math.floor(r() * list.length)];
    const role = () => ref + pick(ROLES)[0];
    const lines = [`indikator ${id} "${title}" {`];
    lines.push(`  källa ${ref}${pick(SOURCES)[0]}${r() < 0.5 ? ` kpi "U${10000 + Math.floor(r() * 89999)}" publiceras v ${1 + Math.floor(r() * 50)}` : ''}`);
    lines.push(`  bidrar till ${ref}${pick(GOALS)[0]}`);
    const kind = Math.floor(r() * 5);
    const years = [2023, 2024, 2025];
    if (kind === 0) {
        // Higher is better, cut points.
        const g = 70 + Math.floor(r() * 25);
        lines.push('  skala 0..100', `  grön >= ${g}`, `  gul >= ${g - 8}`);
        for (const y of years) lines.push(`  utfall ${y}: ${Math.min(100, g - 15 + Math.floor(r() * 25))}`);
    } else if (kind === 1) {
        // Lower is better, with the decimal comma, as the sick-leave tables write it.
        const g = (5 + r() * 3).toFixed(1);
        lines.push('  decimaler 1', `  grön ${g.replace('.', ',')} eller lägre`, `  gul ${(Number(g) + 0.1).toFixed(1).replace('.', ',')}–${(Number(g) + 1).toFixed(1).replace('.', ',')}`);
        for (const y of years) lines.push(`  utfall ${y}: ${(Number(g) - 1 + r() * 3).toFixed(1).replace('.', ',')}`);
    } else if (kind === 2) {
        // Ranges as written in the documents.
        const g = 80 + Math.floor(r() * 10);
        lines.push('  maxvärde 100', `  grön ${g} eller högre`, `  gul ${g - 8}–${g - 1}`);
        lines.push(`  utfall 2024: ${g - 10 + Math.floor(r() * 15)}`, '  utfall 2025: iu (2024)');
    } else if (kind === 3) {
        // Yes / no with a baseline.
        lines.push('  grön ja', '  röd nej', '  nuläge 2023: nej', `  utfall 2025: ${r() < 0.5 ? 'ja' : 'nej'}`);
    } else {
        // Tertial outcomes and a pending one.
        const g = 10 + Math.floor(r() * 10);
        lines.push('  riktning lägre', `  grön <= ${g}`, `  gul <= ${g + 3}`);
        lines.push(`  utfall 2024: ${g - 2 + Math.floor(r() * 6)}`, `  utfall 2025-T1: ${g - 2 + Math.floor(r() * 6)}`, '  utfall 2025-T2: väntas v 4');
    }
    lines.push(`  mäts ${pick(['årligen', 'tertialvis', 'årligen'])}`, `  ansvarig ${role()}`, `  rapporterar ${role()}`);
    const activities = 1 + Math.floor(r() * 2);
    for (let a = 0; a < activities; a++) {
        lines.push(`  aktivitet "${pick(['Särskilt fokus på personalens kompetens', 'Införa strukturerade mötesformer', 'Följa upp genomförandeplaner', 'Kartlägga behov av stöd'])}" {`,
            `    ansvarig ${role()}`, `    rapporterar ${role()}`, `    senast 2025-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-28`,
            `    status ${pick(['klar', 'påbörjad', 'ej påbörjad', 'försenad'])}`, '  }');
    }
    lines.push('}');
    return lines.map(l => indent + l).join('\n');
}

/** One unit: goals, improvements, effects, a few indicators, sometimes a budget assignment. */
function unit(r, id, ref, indicators) {
    const pick = list => list[Math.floor(r() * list.length)];
    const out = [`  enhet ${id} "${pick(UNIT_NAMES)}" {`,
        '    mål "Säkerställa kompetensförsörjning och hållbara arbetssätt."',
        '    mål "Stärka chefers förutsättningar att leda." {', '      punkt "Forum och stöd för chefsutveckling."', '    }',
        '    förbättring "Kontinuitet i personalgrupperna."', '    effekt "Bättre ekonomi och lägre sjuktal."', ''];
    for (let i = 0; i < indicators; i++) out.push(indicator(r, `${id}I${i}`, pick(INDICATOR_TITLES), ref, '    '), '');
    if (r() < 0.5) {
        out.push(`    budgetuppdrag ${id}B "Minska kostnaderna för inhyrd personal" {`, '      belopp 150 tkr',
            `      ansvarig ${ref}${pick(ROLES)[0]}`, `      rapporterar ${ref}${pick(ROLES)[0]}`, '      uppföljning T2, helår', '    }');
    }
    out.push('  }', '');
    return out.join('\n');
}

/** A plan of about `targetBytes`; `ref` prefixes the shared ids it uses, `prefix` its own ids. */
export function plan(seed, prefix, targetBytes, ref = '') {
    const r = random(seed);
    const head = [`plan ${prefix || 'omsorg'}plan "Verksamhetsplan ${prefix || 'Omsorg'} 2025" {`, `  organisation ${ref}norsjo ${ref}omsorg`, '  år 2025',
        '  uppföljning T1, T2, helår', '', '  avsnitt "1 Inledning" """', ...PROSE.flatMap(p => p.split('\n').map(l => '    ' + l)), '    """', ''].join('\n');
    const parts = [head];
    let size = head.length;
    for (let u = 0; size < targetBytes - 200; u++) {
        const text = unit(r, `${prefix}u${u}`, ref, 3);
        parts.push(text);
        size += Buffer.byteLength(text);
    }
    parts.push('}\n');
    return parts.join('\n');
}

export const SIZES = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000, '10m': 10_000_000 };
export const WORKSPACE_PLANS = 1000;

export function generate(outDir) {
    const stamp = path.join(outDir, '.generated');
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === String(GENERATOR_VERSION)) return outDir;
    mkdirSync(path.join(outDir, 'single'), { recursive: true });
    mkdirSync(path.join(outDir, 'workspace/plans'), { recursive: true });
    writeFileSync(path.join(outDir, 'tiny.vplan'), 'roll chef "Chef"\nplan tiny "Liten plan" {\n  år 2026\n}\n');
    for (const [name, bytes] of Object.entries(SIZES)) {
        writeFileSync(path.join(outDir, 'single', `plan-${name}.vplan`), sharedFile() + '\n' + plan(bytes, '', bytes));
    }
    writeFileSync(path.join(outDir, 'workspace/kommun.vplan'), sharedFile());
    for (let i = 0; i < WORKSPACE_PLANS; i++) {
        const id = String(i).padStart(4, '0');
        writeFileSync(path.join(outDir, 'workspace/plans', `plan-${id}.vplan`), plan(i + 1, `p${id}`, 11_000));
    }
    writeFileSync(stamp, String(GENERATOR_VERSION));
    return outDir;
}

export const DEFAULT_DIR = path.join(tmpdir(), 'vplan-bench');

if (import.meta.url === `file://${process.argv[1]}`) {
    const dir = path.resolve(process.argv[2] ?? DEFAULT_DIR);
    generate(dir);
    console.log(`plans in ${dir}`);
}
