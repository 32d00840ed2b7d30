import type { AstNode, CstNode, LangiumDocument } from 'langium';
import type { Lang } from '../i18n/lang.js';

/**
 * Which keyword set (Swedish or English) a file is written in, and the words of each set.
 *
 * Every keyword of the grammar belongs to one of three groups: Swedish, English, or neutral (used by
 * both, such as `plan`, `text`, `status`, `kpi`, symbols). Completion offers only the file's set;
 * snippets and quick fixes write the file's set; the formatter never changes it.
 */

/** English keyword → its Swedish counterpart, for text the server writes into a file. */
export const SWEDISH_FOR: Readonly<Record<string, string>> = {
    goal: 'mål', role: 'roll', source: 'källa', group: 'jämförelsegrupp', department: 'förvaltning',
    point: 'punkt', year: 'år', 'follow-up': 'uppföljning', annual: 'helår', interim: 'delår',
    section: 'avsnitt', unit: 'enhet', improvement: 'förbättring', effect: 'effekt', footnote: 'fotnot',
    indicator: 'indikator', published: 'publiceras', week: 'v', contributes: 'bidrar', to: 'till',
    restates: 'återger', scale: 'skala', max: 'maxvärde', measure: 'måttenhet', precision: 'decimaler',
    direction: 'riktning', higher: 'högre', lower: 'lägre', series: 'serie', level: 'nivå',
    green: 'grön', yellow: 'gul', red: 'röd', or: 'eller', more: 'mer', above: 'över', less: 'mindre',
    fewer: 'färre', below: 'under', best: 'bästa', yes: 'ja', no: 'nej', increase: 'öka', decrease: 'minska',
    by: 'med', compared: 'jämfört', with: 'med', previous: 'föregående', baseline: 'nuläge',
    outcome: 'utfall', 'no-data': 'iu', pending: 'väntas', measured: 'mäts', yearly: 'årligen',
    annually: 'årligen', monthly: 'månadsvis', quarterly: 'kvartalsvis', 'per-tertial': 'tertialvis',
    weekly: 'veckovis', responsible: 'ansvarig', reports: 'rapporterar', measures: 'mäter',
    activity: 'aktivitet', deadline: 'senast', done: 'klar', started: 'påbörjad', 'not-started': 'ej påbörjad',
    delayed: 'försenad', cancelled: 'inställd', budget: 'budgetuppdrag', control: 'kontrollområde',
    mission: 'uppdrag', amount: 'belopp', organization: 'organisation',
    adopted: 'beslutad', ref: 'dnr',
    of: 'av', ready: 'klar', for: 'för', report: 'rapport', draft: 'utkast', analysis: 'analys',
    actions: 'åtgärder', comment: 'kommentar', 'goal-fulfilment': 'måluppfyllelse', fulfilled: 'uppfyllt',
    least: 'minst', most: 'högst', and: 'och', every: 'varje', month: 'månad', quarter: 'kvartal'
};

const SWEDISH_ONLY = ['av', 'vecka', 'fler', 'årlig', 'månatligen', 'månatlig', 'årsbokslut', 'ej', 'nivå', 'en', 'gång', 'per'];
const ENGLISH_ONLY = ['not', 'organization', 'at'];

export const SWEDISH_KEYWORDS: ReadonlySet<string> = new Set(
    [...Object.values(SWEDISH_FOR).flatMap(k => k.split(' ')), ...SWEDISH_ONLY]
        .filter(k => k !== 'organisation')
);
export const ENGLISH_KEYWORDS: ReadonlySet<string> = new Set(
    [...Object.keys(SWEDISH_FOR), ...ENGLISH_ONLY].filter(k => !SWEDISH_KEYWORDS.has(k))
);

/** A keyword written in the given language: `kw('responsible', 'sv')` is `ansvarig`. */
export function kw(english: string, lang: Lang): string {
    return lang === 'sv' ? (SWEDISH_FOR[english] ?? english) : english;
}

/** The language a keyword belongs to, or undefined for a neutral one. */
export function keywordLanguage(keyword: string): Lang | undefined {
    if (SWEDISH_KEYWORDS.has(keyword)) return 'sv';
    if (ENGLISH_KEYWORDS.has(keyword)) return 'en';
    return undefined;
}

/** Swedish and English keyword tokens of a parse, counted once per parse result (its root). */
const keywordCounts = new WeakMap<object, { sv: number; en: number }>();

/**
 * The keyword language a document uses: the majority of its Swedish vs English keyword tokens, or
 * undefined when it has none (an empty file) or as many of each. Cached per parse result.
 */
export function documentKeywordLanguage(document: LangiumDocument): Lang | undefined {
    const root = document.parseResult.value;
    let counts = keywordCounts.get(root);
    if (!counts) {
        counts = root.$cstNode ? countKeywords([root.$cstNode]) : { sv: 0, en: 0 };
        keywordCounts.set(root, counts);
    }
    return counts.sv > counts.en ? 'sv' : counts.en > counts.sv ? 'en' : undefined;
}

/**
 * After an incremental re-parse: the new root's counts are the old root's with the replaced block's
 * keywords taken out and the new block's put in (instead of counting the whole document again).
 */
export function carryKeywordCounts(before: AstNode, after: AstNode, removed: readonly CstNode[], added: readonly CstNode[]): void {
    const old = keywordCounts.get(before);
    if (!old) return;
    const out = countKeywords(removed);
    const into = countKeywords(added);
    keywordCounts.set(after, { sv: old.sv - out.sv + into.sv, en: old.en - out.en + into.en });
}

function countKeywords(nodes: readonly CstNode[]): { sv: number; en: number } {
    let sv = 0;
    let en = 0;
    for (const node of nodes) {
        for (const leaf of streamLeaves(node)) {
            const grammarSource = (leaf as { grammarSource?: { $type?: string; value?: string } }).grammarSource;
            if (grammarSource?.$type !== 'Keyword' || !grammarSource.value) continue;
            const lang = keywordLanguage(grammarSource.value);
            if (lang === 'sv') sv++;
            else if (lang === 'en') en++;
        }
    }
    return { sv, en };
}

function* streamLeaves(node: import('langium').CstNode): Generator<import('langium').CstNode> {
    const children = (node as { content?: import('langium').CstNode[] }).content;
    if (!children) {
        yield node;
        return;
    }
    for (const child of children) yield* streamLeaves(child);
}
