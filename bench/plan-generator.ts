// Generated plans for the benchmarks: shaped like the Norsjö plans (units with indicators, bands,
// outcomes, roles, activities, assignments), referencing a shared municipality file.

/** A small deterministic random generator, so every run measures the same text. */
export function random(seed: number): () => number {
    let state = seed >>> 0 || 1;
    return () => {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        return (state >>> 0) / 0x100000000;
    };
}

export const ROLES = Array.from({ length: 40 }, (_, i) => `roll${i}`);
export const GOALS = ['valfard', 'organisation', 'bygd', 'ekonomi', 'trygghet', 'larande'];

/** The shared file every plan references: organisation, goals, roles, sources, a comparison group. */
export function sharedFile(): string {
    const lines = [
        '// Kommunens gemensamma katalog',
        'organisation kommunen "Exempels kommun" {',
        '  kolada 2417',
        '  förvaltning omsorg "Omsorg"',
        '}',
        ...GOALS.map((g, i) => `mål ${g === 'organisation' ? 'effektivOrganisation' : g} "Övergripande mål ${i + 1}: ${g}"`),
        ...ROLES.map((r, i) => `roll ${r} "Roll nummer ${i}"`),
        'källa kolada "Kolada" {',
        '  url "https://www.kolada.se"',
        '}',
        'källa hr "HR"',
        'jämförelsegrupp jamforbara "Jämförbara kommuner"',
        ''
    ];
    return lines.join('\n');
}

export function goalName(i: number): string {
    const g = GOALS[i % GOALS.length];
    return g === 'organisation' ? 'effektivOrganisation' : g;
}

function indicator(id: string, n: number, goal: string, rnd: () => number): string {
    const role = () => ROLES[Math.floor(rnd() * ROLES.length)];
    const v = () => (60 + Math.floor(rnd() * 40)).toString();
    return [
        `    indikator ${id} "Indikator ${n} om kvalitet och kontinuitet i omsorgen" {`,
        `      källa kolada kpi "U${23000 + n}" publiceras v 24`,
        `      bidrar till ${goal}`,
        '      skala 0..100',
        '      grön 82 eller högre',
        '      gul 74–81',
        `      utfall 2024: ${v()}`,
        `      utfall 2025: ${v()}`,
        '      mäts årligen',
        `      ansvarig ${role()}`,
        `      rapporterar ${role()}`,
        `      aktivitet "Aktivitet ${n}: särskilt fokus på personalens kompetens" {`,
        `        ansvarig ${role()}`,
        `        rapporterar ${role()}`,
        '        senast 2026-10-31',
        '        status påbörjad',
        '      }',
        '    }'
    ].join('\n');
}

/**
 * A plan of about `targetBytes` (UTF-8), in Swedish keywords. Plan `index` contributes to one of the
 * shared goals (index modulo the number of goals), so an edit of one goal concerns a sixth of them.
 */
export function generatePlan(name: string, targetBytes: number, index = 0, seed = 1): string {
    const rnd = random(seed + index * 7919);
    const goal = goalName(index);
    const parts: string[] = [
        `plan ${name} "Verksamhetsplan ${name}" {`,
        '  organisation kommunen',
        '  år 2026',
        '  uppföljning T1, T2, helår',
        '  avsnitt "1 Inledning" """',
        '    Syftet med verksamhetsplanen är att vara ett verktyg för planering av verksamhet,',
        '    tydliggöra mål och strategier samt vara ett stöd för uppföljning av verksamheten.',
        '    """'
    ];
    let size = Buffer.byteLength(parts.join('\n'));
    let unit = 0;
    let n = 0;
    while (size < targetBytes) {
        const unitLines = [`  enhet ${name}Enhet${unit} "Enhet ${unit}" {`, `    mål "Säkerställa kompetensförsörjning ${unit}"`];
        for (let k = 0; k < 12 && size < targetBytes; k++, n++) {
            const text = indicator(`${name}I${n}`, n, goal, rnd);
            unitLines.push(text);
            size += Buffer.byteLength(text) + 1;
        }
        unitLines.push(`    budgetuppdrag "Budgetuppdrag ${unit}" {`, '      belopp 150 tkr', `      ansvarig ${ROLES[unit % ROLES.length]}`,
            `      rapporterar ${ROLES[(unit + 1) % ROLES.length]}`, '    }', '  }');
        size += 140;
        parts.push(unitLines.join('\n'));
        unit++;
    }
    parts.push('}', '');
    return parts.join('\n');
}
