import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/**
 * Word lists of the language, normalised to one canonical (English) value so that the Swedish and
 * the English form of a plan give the same model. The keys are the datatype rules of the grammar.
 */
const CANONICAL: Record<string, Record<string, string>> = {
    Color: { green: 'green', grön: 'green', yellow: 'yellow', gul: 'yellow', red: 'red', röd: 'red' },
    Better: { higher: 'higher', högre: 'higher', lower: 'lower', lägre: 'lower' },
    Comparator: {
        '>=': '>=', '≥': '>=', '>': '>', '<=': '<=', '≤': '<=', '<': '<',
        minst: '>=', atleast: '>=', högst: '<=', atmost: '<=', över: '>', above: '>', under: '<', below: '<'
    },
    BestWord: { best: 'best', bästa: 'best' },
    YesNoWord: { yes: 'yes', ja: 'yes', no: 'no', nej: 'no' },
    ChangeWord: { increase: 'increase', öka: 'increase', decrease: 'decrease', minska: 'decrease' },
    RangeSeparator: { '–': '-', '-': '-', '..': '-', '—': '-', till: '-', to: '-' },
    UnitSymbol: { '%': '%', tkr: 'tkr', kr: 'kr', mkr: 'mkr' },
    PreviousWord: { previous: 'previous', föregående: 'previous', baseline: 'baseline', nuläge: 'baseline' },
    NoDataMark: { iu: 'iu', 'no-data': 'iu', '-': '-', '.': '.', '..': '..' },
    FrequencyWord: {
        yearly: 'yearly', annually: 'yearly', årligen: 'yearly', årlig: 'yearly',
        monthly: 'monthly', månatligen: 'monthly', månadsvis: 'monthly', månatlig: 'monthly',
        quarterly: 'quarterly', kvartalsvis: 'quarterly',
        'per-tertial': 'tertial', tertialvis: 'tertial',
        weekly: 'weekly', veckovis: 'weekly',
        ...everyPeriod({ år: 'yearly', månad: 'monthly', kvartal: 'quarterly', tertial: 'tertial', vecka: 'weekly' }, ['varje', 'engångper']),
        ...everyPeriod({ year: 'yearly', month: 'monthly', quarter: 'quarterly', tertial: 'tertial', week: 'weekly' }, ['every'])
    },
    ProgressWord: {
        done: 'done', klar: 'done', started: 'started', påbörjad: 'started',
        'not-started': 'not-started', notstarted: 'not-started', ejpåbörjad: 'not-started',
        delayed: 'delayed', försenad: 'delayed', cancelled: 'cancelled', inställd: 'cancelled'
    },
    ReportStateWord: { readyforreport: 'ready', klarförrapport: 'ready', draft: 'draft', utkast: 'draft' },
    ProgressTarget: {
        activity: 'activity', aktivitet: 'activity', budget: 'budget', budgetuppdrag: 'budget',
        control: 'control', kontrollområde: 'control', mission: 'mission', uppdrag: 'mission'
    },
    PeriodName: { annual: 'annual', helår: 'annual', årsbokslut: 'annual', interim: 'interim', delår: 'interim' }
};

/** "varje månad", "en gång per år": the phrases arrive as their words run together. */
function everyPeriod(periods: Record<string, string>, prefixes: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const prefix of prefixes) for (const [word, frequency] of Object.entries(periods)) out[prefix + word] = frequency;
    return out;
}

/** Multi-word phrases arrive as their words run together ("ellerhögre"); the last word decides. */
const OPEN_BOUND: Record<string, 'higher' | 'lower'> = {
    higher: 'higher', more: 'higher', above: 'higher', högre: 'higher', mer: 'higher', fler: 'higher', över: 'higher',
    lower: 'lower', less: 'lower', fewer: 'lower', below: 'lower', lägre: 'lower', mindre: 'lower', färre: 'lower', under: 'lower'
};

export class VplanValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        switch (rule.name) {
            case 'MARKDOWN':
                return convertMarkdown(input);
            case 'SignedNumber':
                return input.replace(/\s+/g, '').replace('\u2212', '-');
            case 'OpenBoundWord': {
                // Keywords may be written with a capital first letter ("Eller högre").
                const word = input.toLowerCase().replace(/^(or|eller)/, '');
                return OPEN_BOUND[word] ?? input;
            }
            case 'PeriodName':
                // Declared period names (T1, T2…) stay as written; only the yearly keywords are normalised.
                return CANONICAL.PeriodName[input.toLowerCase()] ?? input;
        }
        const table = CANONICAL[rule.name];
        if (table) {
            return table[input.toLowerCase()] ?? input;
        }
        return super.runConverter(rule, input, cstNode);
    }
}

/** Strips the triple quotes and the indentation common to all non-blank lines. */
export function convertMarkdown(input: string): string {
    const body = input.slice(3, -3);
    const lines = body.replace(/\r\n?/g, '\n').split('\n');
    // The first line is what follows the opening quotes; a blank one only separates.
    if (lines.length > 1 && lines[0].trim() === '') lines.shift();
    if (lines.length > 1 && lines[lines.length - 1].trim() === '') lines.pop();
    let indent = Infinity;
    for (const line of lines) {
        if (line.trim() === '') continue;
        const m = /^[ \t]*/.exec(line);
        indent = Math.min(indent, m ? m[0].length : 0);
    }
    if (!Number.isFinite(indent)) indent = 0;
    return lines.map(line => line.slice(Math.min(indent, line.length - line.trimStart().length))).join('\n');
}
