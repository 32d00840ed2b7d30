import { AstUtils, CstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import {
    CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type TextEdit
} from 'vscode-languageserver';
import {
    isActivity, isBand, isBudgetAssignment, isControlArea, isCutPoint, isIndicator, isLevel, isMission, isOpenBound,
    isRangeBand, isReporting, isResponsible, isSourceRef, type Band, type Quantity
} from '../generated/ast.js';
import type { Lang } from '../i18n/lang.js';
import { thresholdsOf, type NormalBand, type SeriesThresholds } from '../semantics/index.js';
import type { SuggestedFix, VplanDiagnosticData } from '../validation/index.js';
import type { VplanServices } from '../vplan-module.js';
import { documentKeywordLanguage, kw } from './keyword-language.js';

type Block = AstNode & { title?: string };

/**
 * Quick fixes for the validator's diagnostics. Where the validator already knows the edit (a
 * suggested name, the declared goal title, the council's bands, a flipped direction, a closed gap)
 * it sends it in the diagnostic's data and this provider offers it as it stands; the fixes that need
 * the editor's context (which role, which keyword language, where the block ends) are built here.
 */
export class VplanCodeActionProvider implements CodeActionProvider {
    constructor(private readonly services: VplanServices) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): Array<Command | CodeAction> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            try {
                actions.push(...this.fixesFor(document, diagnostic));
            } catch (err) {
                // A fix that cannot be computed is left out; the editor must keep working.
                console.error('vplan code action failed:', err);
            }
        }
        const fetch = this.fetchFromKolada(document, params);
        return fetch ? [...actions, fetch] : actions;
    }

    /**
     * On an indicator with a Kolada KPI id: "Fetch outcomes from Kolada", the editor's command (which
     * asks the server, shows the changes and applies them as one edit). No network here.
     */
    private fetchFromKolada(document: LangiumDocument, params: CodeActionParams): Command | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.range.start));
        const indicator = leaf && AstUtils.getContainerOfType(leaf.astNode, isIndicator);
        const kpi = indicator?.members.find(isSourceRef)?.kpi?.trim();
        if (!kpi) return undefined;
        const title = this.services.i18n.Locale.lang === 'sv' ? 'Hämta utfall från Kolada' : 'Fetch outcomes from Kolada';
        return { title, command: 'vplan.fetchKoladaOutcomes', arguments: [document.uri.toString()] };
    }

    private fixesFor(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const data = diagnostic.data as VplanDiagnosticData | undefined;
        const code = data?.code ?? diagnostic.code;
        const lang = this.services.i18n.Locale.langOf(document);
        const fixes: CodeAction[] = [];
        if (data?.fix) fixes.push(this.fromSuggestion(document, diagnostic, data.fix, lang));
        if (code === 'missing-responsible' || code === 'missing-reporter') {
            const fix = this.addRoleLine(document, diagnostic, code === 'missing-responsible' ? 'responsible' : 'reports', lang);
            if (fix) fixes.push(fix);
        }
        if (code === 'band-gap' || code === 'band-overlap') {
            const fix = this.toCutPoints(document, diagnostic, lang);
            if (fix) fixes.push(fix);
        }
        if (code === 'rank-direction-missing') fixes.push(...this.addValueDirection(document, diagnostic, lang));
        return fixes;
    }

    /** Rank bands against a Kolada group need the value's direction: one fix each way, the author picks. */
    private addValueDirection(document: LangiumDocument, diagnostic: Diagnostic, lang: Lang): CodeAction[] {
        const indicator = this.nodeAt(document, diagnostic, isIndicator) as Block | undefined;
        if (!indicator?.$cstNode) return [];
        const keywords = documentKeywordLanguage(document) ?? lang;
        const out: CodeAction[] = [];
        for (const better of ['lower', 'higher'] as const) {
            const text = `${kw('direction', keywords)} ${kw(better, keywords)}`;
            const edit = insertMember(document, indicator, text);
            if (!edit) continue;
            const what = better === 'lower'
                ? { sv: `Lägg till "${text}" (ett lägre värde är bättre)`, en: `Add "${text}" (a lower value is better)` }
                : { sv: `Lägg till "${text}" (ett högre värde är bättre)`, en: `Add "${text}" (a higher value is better)` };
            out.push({ title: what[lang], kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.uri.toString()]: [edit] } } });
        }
        return out;
    }

    private fromSuggestion(document: LangiumDocument, diagnostic: Diagnostic, fix: SuggestedFix, lang: Lang): CodeAction {
        return {
            title: fix.title[lang],
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: true,
            edit: { changes: { [document.uri.toString()]: [{ range: fix.range, newText: fix.newText }] } }
        };
    }

    /**
     * Adds `ansvarig <roll>` / `rapporterar <roll>` to the activity, assignment or indicator, in the
     * file's keyword language, with the role most likely meant (the block's other role line, else
     * the role the file names most often), for the author to change if needed.
     */
    private addRoleLine(document: LangiumDocument, diagnostic: Diagnostic, line: 'responsible' | 'reports', lang: Lang): CodeAction | undefined {
        const block = this.nodeAt(document, diagnostic, n => isActivity(n) || isBudgetAssignment(n) || isControlArea(n) || isMission(n) || isIndicator(n)) as Block | undefined;
        if (!block?.$cstNode) return undefined;
        const role = this.likelyRole(document, block, line);
        if (!role) return undefined;
        const keywords = documentKeywordLanguage(document) ?? lang;
        const text = `${kw(line, keywords)} ${role}`;
        const edit = insertMember(document, block, text);
        if (!edit) return undefined;
        const what = line === 'responsible'
            ? { sv: `Lägg till "${text}" (byt roll vid behov)`, en: `Add "${text}" (change the role if needed)` }
            : { sv: `Lägg till "${text}" (byt roll vid behov)`, en: `Add "${text}" (change the role if needed)` };
        return {
            title: what[lang],
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: { changes: { [document.uri.toString()]: [edit] } }
        };
    }

    private likelyRole(document: LangiumDocument, block: AstNode, line: 'responsible' | 'reports'): string | undefined {
        const other = line === 'responsible' ? isReporting : isResponsible;
        for (const member of AstUtils.streamContents(block)) {
            if (other(member) && member.roles[0]?.$refText) return member.roles[0].$refText;
        }
        const counts = new Map<string, number>();
        const wanted = line === 'responsible' ? isResponsible : isReporting;
        for (const node of AstUtils.streamAllContents(document.parseResult.value)) {
            if (wanted(node) || other(node)) {
                for (const role of node.roles) if (role.ref) counts.set(role.$refText, (counts.get(role.$refText) ?? 0) + 1);
            }
        }
        const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
        if (best) return best;
        return this.services.shared.workspace.IndexManager.allElements('Role').head()?.name;
    }

    /**
     * Rewrites an indicator's green and yellow bands as cut points (`grön >= 82`, `gul >= 74`, red
     * below), which cannot leave a gap or overlap: the lower ends of the written bands when higher is
     * better, the upper ends when lower is better. The numbers are those the author wrote.
     */
    private toCutPoints(document: LangiumDocument, diagnostic: Diagnostic, lang: Lang): CodeAction | undefined {
        const band = this.nodeAt(document, diagnostic, isBand) as Band | undefined;
        const indicator = band && AstUtils.getContainerOfType(band, isIndicator);
        if (!band || !indicator) return undefined;
        const thresholds = thresholdsOf(indicator);
        if (thresholds.bandsFrom !== indicator) return undefined;
        const series = thresholds.series.find(s => s.bands.some(b => b.band === band));
        if (!series || series.kind !== 'numeric' || !series.direction) return undefined;
        const edits = cutPointEdits(series);
        if (!edits) return undefined;
        return {
            title: lang === 'sv' ? 'Skriv om gränserna som brytpunkter (grön >= …, gul >= …) utan glapp' : 'Rewrite the thresholds as cut points (green >= …, yellow >= …) without gaps',
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: { changes: { [document.uri.toString()]: edits } }
        };
    }

    private nodeAt(document: LangiumDocument, diagnostic: Diagnostic, guard: (n: AstNode) => boolean): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
        return leaf ? AstUtils.getContainerOfType(leaf.astNode, (n): n is AstNode => guard(n)) : undefined;
    }
}

/** The edits turning the written green and yellow bands of a series into cut points, or undefined. */
function cutPointEdits(series: SeriesThresholds): TextEdit[] | undefined {
    const higher = series.direction === 'higher';
    const stated = series.bands.filter(b => !b.implied && b.band && (b.color === 'green' || b.color === 'yellow'));
    const green = stated.filter(b => b.color === 'green');
    const yellow = stated.filter(b => b.color === 'yellow');
    if (green.length !== 1 || yellow.length !== 1) return undefined;
    if (!stated.some(b => isRangeBand(b.band!.spec))) return undefined; // already cut points or open bounds
    // A red band written out would stay as it is and could still overlap or leave a gap with the new
    // yellow cut point (red 0–70 under yellow >= 70): the rewrite would not remove the diagnostic.
    if (series.bands.some(b => !b.implied && b.band && b.color === 'red')) return undefined;
    const edits: TextEdit[] = [];
    for (const b of [green[0], yellow[0]]) {
        const end = cutEnd(b, higher);
        const cst = b.band!.$cstNode;
        const specCst = b.band!.spec.$cstNode;
        if (!end || !cst || !specCst) return undefined;
        // Keep the colour word (and series, "nivå") as written; replace only the spec.
        edits.push({ range: specCst.range, newText: `${higher ? '>=' : '<='} ${end}` });
    }
    return edits;
}

/** The number (as written, with its unit) at the end of a band that faces the worse side. */
function cutEnd(band: NormalBand, higher: boolean): string | undefined {
    const spec = band.band?.spec;
    if (!spec) return undefined;
    const quantity = (q: Quantity | undefined) => q ? `${q.value}${q.unit ? ` ${q.unit}` : ''}` : undefined;
    if (isRangeBand(spec)) {
        const unit = spec.to?.unit ? ` ${spec.to.unit}` : '';
        return higher ? `${spec.from}${unit}` : quantity(spec.to);
    }
    if (isOpenBound(spec) || isLevel(spec)) return quantity(spec.value);
    if (isCutPoint(spec)) {
        // A strict cut point (`> 82`) is not rewritten: `>= 82` would change what it means.
        const fits = higher ? spec.op === '>=' || spec.op === '≥' : spec.op === '<=' || spec.op === '≤';
        return fits ? quantity(spec.value) : undefined;
    }
    return undefined;
}

/**
 * A text edit adding one member line to a block: before its closing brace on a line of its own, or
 * a new block after the header when it has none (`aktivitet "X"` → `aktivitet "X" { … }`).
 */
function insertMember(document: LangiumDocument, block: Block, line: string): TextEdit | undefined {
    const cst = block.$cstNode!;
    const text = document.textDocument.getText();
    const close = GrammarUtils.findNodeForKeyword(cst, '}');
    const indentOf = (offset: number) => {
        const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
    };
    if (close) {
        const lineStart = text.lastIndexOf('\n', close.offset - 1) + 1;
        const before = text.slice(lineStart, close.offset);
        if (/^[ \t]*$/.test(before)) {
            return { range: rangeAt(document, lineStart, lineStart), newText: `${before}  ${line}\n` };
        }
        return { range: rangeAt(document, close.offset, close.offset), newText: `${line} ` };
    }
    const header = GrammarUtils.findNodeForProperty(cst, 'title') ?? cst;
    const indent = indentOf(cst.offset);
    return { range: rangeAt(document, header.end, header.end), newText: ` {\n${indent}  ${line}\n${indent}}` };
}

function rangeAt(document: LangiumDocument, start: number, end: number) {
    return { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) };
}

