import { AstUtils, CstUtils, GrammarAST, GrammarUtils, type AstNode, type RootCstNode, type AstNodeDescription, type LangiumDocument, type ReferenceInfo } from 'langium';
import {
    DefaultCompletionProvider, findNextFeatures, type CompletionAcceptor, type CompletionBacktrackingInformation,
    type CompletionContext, type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
    CompletionItemKind, InsertTextFormat, type CancellationToken, type CompletionList, type CompletionParams, type Position
} from 'vscode-languageserver';
import { isFollowUp, isIndicator, isOutcome, isPeriodReport, isPlan, isPlanYear, isProgressFollowUp, type Plan } from '../generated/ast.js';
import { periodLabel, planIndicators, planPeriods, planProgressTargets, reportPlan } from '../semantics/follow-up.js';
import type { Lang } from '../i18n/lang.js';
import type { VplanServices } from '../vplan-module.js';
import { completionPrefix, lexingStart } from './completion-window.js';
import { documentKeywordLanguage, keywordLanguage, kw } from './keyword-language.js';
import { EditorSettings } from './settings.js';
import { titleOf } from './titles.js';

/**
 * Completion that knows the plan: keywords in the file's own language and only those valid at the
 * cursor, references with their titles, snippets for whole blocks, and the periods the plan has.
 */
export class VplanCompletionProvider extends DefaultCompletionProvider {
    private readonly settings: EditorSettings;
    private readonly services: VplanServices;
    /** The keyword language of the request being answered. */
    private lang: Lang = 'sv';

    constructor(services: VplanServices) {
        super(services);
        this.services = services;
        this.settings = new EditorSettings(services.shared.workspace.ConfigurationProvider);
    }

    /** The last full parse, when it is of the text being completed (see completion-window.ts). */
    private root?: RootCstNode;
    /** Off only to compare with Langium's full-prefix parse (tests). */
    windowed = true;

    /** Requests are answered one after the other: `lang` and `root` belong to the one being answered. */
    private queue: Promise<unknown> = Promise.resolve();

    override getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const result = this.queue.then(() => this.answer(document, params, cancelToken));
        this.queue = result.catch(() => undefined);
        return result;
    }

    private async answer(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        this.lang = await this.keywordLanguageOf(document);
        const root = document.parseResult.value.$cstNode?.root;
        this.root = this.windowed && root && root.fullText === document.textDocument.getText() ? root : undefined;
        try {
            const list = await super.getCompletion(document, params, cancelToken);
            return list && withoutGluedItems(list, document.textDocument, params.position);
        } finally {
            this.root = undefined;
        }
    }

    /** Parses only the enclosing blocks' headers and the current member, not the whole text before the cursor. */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const window = this.root ? completionPrefix(this.root, offset) : undefined;
        if (!window) return super.findFeaturesAt(document, offset);
        const parserResult = this.completionParser.parse(window.prefix);
        if (parserResult.tokenIndex === 0) {
            const entry = GrammarUtils.getEntryRule(this.grammar)!;
            return findNextFeatures([[this.buildSyntheticEntryRuleCall(entry)]], parserResult.tokens);
        }
        const leftoverTokens = [...parserResult.tokens].splice(parserResult.tokenIndex);
        return findNextFeatures([parserResult.elementStack.map(feature => ({ feature }))], leftoverTokens);
    }

    /** Lexes from shortly before the cursor instead of from the start of the file. */
    protected override backtrackToAnyToken(text: string, offset: number): CompletionBacktrackingInformation {
        const start = this.root ? lexingStart(this.root, offset) : 0;
        if (start === 0) return super.backtrackToAnyToken(text, offset);
        // Up to the end of the cursor's line, or of the token under the cursor if it runs further.
        const lineEnd = text.indexOf('\n', offset);
        const leaf = CstUtils.findLeafNodeAtOffset(this.root!, offset);
        const end = Math.max(lineEnd < 0 ? text.length : lineEnd, leaf?.end ?? 0);
        const info = super.backtrackToAnyToken(text.slice(start, end), offset - start);
        return {
            nextTokenStart: info.nextTokenStart + start,
            nextTokenEnd: info.nextTokenEnd + start,
            previousTokenStart: info.previousTokenStart === undefined ? undefined : info.previousTokenStart + start,
            previousTokenEnd: info.previousTokenEnd === undefined ? undefined : info.previousTokenEnd + start
        };
    }

    /**
     * The setting if it forces a language, else the file's majority, else (a new or empty file) the
     * majority of the workspace's plans, else the editor's display language.
     */
    async keywordLanguageOf(document: LangiumDocument): Promise<Lang> {
        const { keywordLanguage: setting } = await this.settings.get();
        if (setting !== 'auto') return setting;
        return documentKeywordLanguage(document) ?? this.workspaceKeywordLanguage(document) ?? this.services.i18n.Locale.lang;
    }

    private workspaceKeywordLanguage(self: LangiumDocument): Lang | undefined {
        let sv = 0, en = 0;
        for (const document of this.services.shared.workspace.LangiumDocuments.all) {
            if (document === self) continue;
            const lang = documentKeywordLanguage(document);
            if (lang === 'sv') sv++;
            else if (lang === 'en') en++;
        }
        return sv > en ? 'sv' : en > sv ? 'en' : undefined;
    }

    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        if (!super.filterKeyword(context, keyword)) return false;
        const lang = keywordLanguage(keyword.value);
        return lang === undefined || lang === this.lang;
    }

    /**
     * A keyword that starts a block with a template is offered once, as the template (two items with
     * the same label made Enter pick the wrong one); as an id (`budget`, `mission` are ids too) it
     * is a plain keyword.
     */
    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor) {
        const snippet = SNIPPETS[keyword.value];
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        if (!snippet || rule?.name === 'Name' || !this.filterKeyword(context, keyword)) {
            return super.completionForKeyword(context, keyword, acceptor);
        }
        const lang = this.lang;
        acceptor(context, {
            label: keyword.value,
            labelDetails: { description: lang === 'sv' ? snippet.sv : snippet.en },
            kind: CompletionItemKind.Snippet,
            detail: lang === 'sv' ? `Mall: ${snippet.sv}` : `Template: ${snippet.en}`,
            insertText: snippet.body(lang, this.choices(context.document)),
            insertTextFormat: InsertTextFormat.Snippet,
            sortText: '1'
        });
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor) {
        if (this.followUpCompletion(context, next, acceptor)) return;
        if (isPeriodFeature(next.feature)) {
            for (const [i, period] of this.periodsAt(context).entries()) {
                acceptor(context, { label: period.label, detail: period.detail, kind: CompletionItemKind.Value, sortText: `0${String(i).padStart(3, '0')}` });
            }
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    /**
     * Langium takes the node before the cursor as the reference's container; in `grön |82` that is a
     * number, not the band the series reference belongs to. Use the nearest enclosing node of the
     * rule's type, or a new one when the reference starts a new member.
     */
    protected override completionForCrossReference(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>, acceptor: CompletionAcceptor) {
        if (!next.type && context.node) {
            const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
            const type = rule ? GrammarUtils.getExplicitRuleType(rule) ?? rule.name : undefined;
            let node: AstNode | undefined = context.node;
            while (type && node && !this.astReflection.isSubtype(node.$type, type)) node = node.$container;
            if (!node) return;
            context = { ...context, node };
        }
        return super.completionForCrossReference(context, next, acceptor);
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = this.loadNode(description);
        const title = node ? titleOf(node) : undefined;
        const sameFile = description.documentUri.toString() === context.document.uri.toString();
        return {
            ...item,
            detail: title ?? description.type,
            labelDetails: title ? { description: title } : undefined,
            // Symbols of the file itself first, then the rest of the workspace.
            sortText: sameFile ? '0' : '01',
            filterText: title ? `${description.name} ${title}` : description.name
        };
    }

    private loadNode(description: AstNodeDescription): AstNode | undefined {
        if (description.node) return description.node;
        try {
            return this.services.shared.workspace.LangiumDocuments.getDocument(description.documentUri)
                ? this.services.workspace.AstNodeLocator.getAstNode(
                    this.services.shared.workspace.LangiumDocuments.getDocument(description.documentUri)!.parseResult.value,
                    description.path)
                : undefined;
        } catch {
            return undefined;
        }
    }

    /**
     * In a follow-up (`uppföljning T1 av plan { … }`): the plan's periods after `uppföljning`, its
     * indicators after `indikator`, its activities' titles after `aktivitet`. True when answered.
     */
    private followUpCompletion(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): boolean {
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name;
        const property = next.property;
        const report = context.node ? AstUtils.getContainerOfType(context.node, isPeriodReport) : undefined;
        const plans = report && reportPlan(report) ? [reportPlan(report)!]
            : this.services.shared.workspace.LangiumDocuments.all.flatMap(d => (d.parseResult.value as { elements?: AstNode[] }).elements ?? []).filter(isPlan).toArray();
        // The period right after a top-level `uppföljning` (reached through PeriodName and Name).
        const atPeriod = property === 'period' && isPeriodReport(context.node);
        if (atPeriod) {
            const seen = new Set<string>();
            for (const plan of plans) {
                for (const p of planPeriods(plan)) {
                    const label = p.name === 'annual' || p.name === 'interim' ? periodLabel({ name: p.name }, this.lang) : p.name;
                    if (seen.has(label)) continue;
                    seen.add(label);
                    acceptor(context, { label, detail: `${plan.title}${p.title ? ` · ${p.title}` : ''}`, kind: CompletionItemKind.Value, sortText: `0${String(seen.size).padStart(3, '0')}` });
                }
            }
            return seen.size > 0;
        }
        const plan = report ? reportPlan(report) : undefined;
        if (!plan) return false;
        if (rule === 'IndicatorFollowUp' && property === 'indicator') {
            for (const indicator of planIndicators(plan)) {
                acceptor(context, { label: indicator.name, detail: indicator.title, labelDetails: { description: indicator.title }, kind: CompletionItemKind.Reference, filterText: `${indicator.name} ${indicator.title}`, sortText: '0' });
            }
            return true;
        }
        if (rule === 'ProgressFollowUp' && (property === 'title' || property === 'ref')) {
            const node = context.node && AstUtils.getContainerOfType(context.node, isProgressFollowUp);
            const kind = node?.kind ?? 'activity';
            const want = kind === 'activity' ? 'Activity' : kind === 'budget' ? 'BudgetAssignment' : kind === 'control' ? 'ControlArea' : 'Mission';
            for (const target of planProgressTargets(plan).filter(t => t.$type === want)) {
                const id = 'name' in target ? target.name : undefined;
                if (property === 'ref' && !id) continue;
                const label = property === 'ref' ? id! : `"${target.title.replace(/"/g, '\\"')}"`;
                acceptor(context, { label, detail: target.title, kind: CompletionItemKind.Reference, filterText: `${label} ${target.title}`, sortText: '0' });
            }
            return true;
        }
        return false;
    }

    /** Follow-up periods and years the plan has, for `utfall |`. */
    private periodsAt(context: CompletionContext): Array<{ label: string; detail: string }> {
        const root = context.document.parseResult.value;
        const plan = (context.node && AstUtils.getContainerOfType(context.node, isPlan))
            ?? (AstUtils.streamContents(root).find(isPlan) as Plan | undefined);
        const years = new Set<number>();
        const planYear = plan?.members.find(isPlanYear)?.year;
        const year = planYear ? Number.parseInt(planYear, 10) : undefined;
        if (year) {
            years.add(year);
            years.add(year - 1);
        }
        // Years the file's outcomes already use: the next one is likely the one being written.
        const indicator = context.node && AstUtils.getContainerOfType(context.node, isIndicator);
        for (const member of indicator?.members ?? []) {
            if (isOutcome(member)) {
                const y = Number.parseInt(member.period, 10);
                if (y > 1900) { years.add(y); years.add(y + 1); }
            }
        }
        const result: Array<{ label: string; detail: string }> = [];
        const lang = this.services.i18n.Locale.langOf(context.document);
        const sorted = [...years].sort((a, b) => b - a);
        const periods = plan?.members.filter(isFollowUp).flatMap(f => f.periods) ?? [];
        for (const y of sorted) {
            result.push({ label: String(y), detail: lang === 'sv' ? `år ${y}` : `year ${y}` });
            if (y !== year) continue;
            for (const period of periods) {
                if (/^(?:[TQH]\d|0[1-9]|1[0-2])$/.test(period.name)) {
                    result.push({ label: `${y}-${period.name}`, detail: period.title ?? (lang === 'sv' ? `uppföljning ${period.name}` : `follow-up ${period.name}`) });
                }
            }
        }
        return result;
    }

    /** Names to offer as choices in snippets (roles, goals and sources the workspace declares), and the plan's year. */
    private choices(document: LangiumDocument): SnippetChoices {
        const index = this.services.shared.workspace.IndexManager;
        const names = (type: string) => index.allElements(type).map(d => d.name).distinct().limit(12).toArray()
            .filter(name => /^[\p{L}_][\p{L}\d_]*$/u.test(name));
        const plan = AstUtils.streamContents(document.parseResult.value).find(isPlan) as Plan | undefined;
        const written = Number.parseInt(plan?.members.find(isPlanYear)?.year ?? '', 10);
        const year = written > 1900 && written < 3000 ? written : new Date().getFullYear();
        return { roles: names('Role'), goals: names('Goal'), sources: names('Source'), year };
    }
}

/** A period is written where the grammar calls PeriodRef (`utfall |`), or one of its terminals. */
function isPeriodFeature(feature: GrammarAST.AbstractElement): boolean {
    if (!GrammarAST.isRuleCall(feature)) return false;
    if (feature.rule.ref?.name === 'PeriodRef') return true;
    return AstUtils.getContainerOfType(feature, GrammarAST.isParserRule)?.name === 'PeriodRef';
}

export interface SnippetChoices {
    roles: string[];
    goals: string[];
    sources: string[];
    /** The plan's year (for deadlines and outcomes). */
    year: number;
}

/** A tab stop offering the given names, or a placeholder when there are none. */
function choice(index: number, names: string[], placeholder: string): string {
    return names.length > 0 ? `\${${index}|${names.join(',')}|}` : `\${${index}:${placeholder}}`;
}

interface Snippet {
    sv: string;
    en: string;
    body(lang: Lang, choices: SnippetChoices): string;
}

const assignment = (keyword: string): Snippet['body'] => (lang, c) => [
    `${kw(keyword, lang)} "\${1:${lang === 'sv' ? 'Titel' : 'Title'}}" {`,
    `  ${kw('activity', lang)} "\${2:${lang === 'sv' ? 'Aktivitet' : 'Activity'}}"`,
    `  ${kw('follow-up', lang)} \${3:T2}`,
    `  ${kw('responsible', lang)} ${choice(4, c.roles, lang === 'sv' ? 'roll' : 'role')}`,
    `  ${kw('reports', lang)} ${choice(5, c.roles, lang === 'sv' ? 'roll' : 'role')}`,
    '}$0'
].join('\n');

/** Snippets keyed by the keyword that starts the block, in both languages. */
const SNIPPETS: Record<string, Snippet> = {};
function addSnippet(english: string, snippet: Snippet): void {
    SNIPPETS[english] = snippet;
    SNIPPETS[kw(english, 'sv')] = snippet;
}
addSnippet('indicator', {
    sv: 'indikator med källa, band, utfall och ansvar', en: 'indicator with source, bands, outcomes and roles',
    body: (lang, c) => [
        `${kw('indicator', lang)} \${1:id} "\${2:${lang === 'sv' ? 'Titel' : 'Title'}}" {`,
        `  ${kw('source', lang)} ${choice(3, c.sources, 'kolada')} kpi "\${4:U00000}"`,
        `  ${kw('contributes', lang)} ${kw('to', lang)} ${choice(5, c.goals, lang === 'sv' ? 'mål' : 'goal')}`,
        // Bands the way the documents write them: "grön 80 eller högre", "gul 70–79".
        `  ${kw('green', lang)} \${6:80} ${kw('or', lang)} ${kw('higher', lang)}`,
        `  ${kw('yellow', lang)} \${7:70–79}`,
        `  ${kw('outcome', lang)} \${8:${c.year - 1}}: \${9:${kw('no-data', lang)}}`,
        `  ${kw('measured', lang)} \${10|${['yearly', 'monthly', 'quarterly', 'per-tertial'].map(w => kw(w, lang)).join(',')}|}`,
        `  ${kw('responsible', lang)} ${choice(11, c.roles, lang === 'sv' ? 'roll' : 'role')}`,
        `  ${kw('reports', lang)} ${choice(12, c.roles, lang === 'sv' ? 'roll' : 'role')}`,
        '}$0'
    ].join('\n')
});
addSnippet('activity', {
    sv: 'aktivitet med ansvar och tidsgräns', en: 'activity with roles and deadline',
    body: (lang, c) => [
        `${kw('activity', lang)} "\${1:${lang === 'sv' ? 'Aktivitet' : 'Activity'}}" {`,
        `  ${kw('responsible', lang)} ${choice(2, c.roles, lang === 'sv' ? 'roll' : 'role')}`,
        `  ${kw('reports', lang)} ${choice(3, c.roles, lang === 'sv' ? 'roll' : 'role')}`,
        `  ${kw('deadline', lang)} \${4:${c.year}-10-31}`,
        `  status \${5|${['not-started', 'started', 'done', 'delayed', 'cancelled'].map(w => kw(w, lang)).join(',')}|}`,
        '}$0'
    ].join('\n')
});
addSnippet('budget', { sv: 'budgetuppdrag', en: 'budget assignment', body: (lang, c) => assignment('budget')(lang, c).replace(/\n/, `\n  ${kw('amount', lang)} \${6:150} tkr\n`) });
addSnippet('control', { sv: 'kontrollområde', en: 'quality-control assignment', body: assignment('control') });
addSnippet('mission', { sv: 'uppdrag', en: 'mission', body: assignment('mission') });
addSnippet('unit', {
    sv: 'enhet med mål och indikator', en: 'unit with goal and indicator',
    body: lang => [
        `${kw('unit', lang)} \${1:id} "\${2:${lang === 'sv' ? 'Enhetens namn' : 'Unit name'}}" {`,
        `  ${kw('goal', lang)} "\${3:${lang === 'sv' ? 'Mål' : 'Goal'}}"`,
        `  ${kw('improvement', lang)} "\${4:${lang === 'sv' ? 'Synlig förbättring' : 'Visible improvement'}}"`,
        `  ${kw('effect', lang)} "\${5:${lang === 'sv' ? 'Effekt' : 'Effect'}}"`,
        '  $0',
        '}'
    ].join('\n')
});

/**
 * Right after a letter or digit, an item that inserts at the cursor (rather than completing the word
 * typed so far) would be glued to it: VS Code offers completion as soon as `utfall 2025: 6,5` is typed,
 * and Enter would then make it `6,5tkr` or `6,5aktivitet`. Such items are dropped; items that
 * complete the word (a keyword being typed, `20` → `2026`) stay.
 */
function withoutGluedItems(list: CompletionList, text: TextDocument, position: Position): CompletionList {
    const offset = text.offsetAt(position);
    if (offset === 0 || !/[\p{L}\p{N}_]/u.test(text.getText().charAt(offset - 1))) return list;
    const items = list.items.filter(item => {
        const edit = item.textEdit;
        if (!edit) return true;
        const range = 'range' in edit ? edit.range : edit.insert;
        return text.offsetAt(range.start) < offset;
    });
    return items.length === list.items.length ? list : { ...list, items };
}
