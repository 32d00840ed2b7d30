import * as path from 'node:path';
import { AstUtils, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import {
    assessIndicator, countStatuses, createVplanCoreServices, DIAGNOSTIC_SUMMARY, isIndicator, isPlan, STATUS_WORD,
    type DiagnosticCode, type Lang, type Plan
} from '../../src/index.js';
import { loadWorkspace } from '../../src/node/index.js';

const SEVERITY: Record<number, string> = {
    [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint'
};

async function run(folder: string, lang: Lang): Promise<LangiumDocument[]> {
    const services = createVplanCoreServices(NodeFileSystem);
    services.Vplan.i18n.Locale.preference = lang;
    return (await loadWorkspace(services, [folder])).documents;
}

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The validation report of the Norsjö examples, from a real run of the checks: what a reviewer
 * reads in docs/validation-report.md. Regenerate with `UPDATE_REPORT=1 npx vitest run
 * packages/language/test/validation/report.test.ts`.
 */
export async function buildReport(root: string): Promise<string> {
    const folder = path.join(root, 'examples/norsjo');
    const sv = await run(folder, 'sv');
    const en = await run(folder, 'en');
    const rel = (d: LangiumDocument) => path.relative(root, d.uri.fsPath);
    const lines: string[] = [];
    lines.push('# What the validator finds in the two Norsjö plans');
    lines.push('');
    lines.push('Generated from a run of the checks on `examples/norsjo/` (the municipality catalogue and the two');
    lines.push('transcribed plans, validated together so that references across files resolve). Do not edit by');
    lines.push('hand: `UPDATE_REPORT=1 npx vitest run packages/language/test/validation/report.test.ts` rewrites it,');
    lines.push('and the same test fails when this file no longer matches what the validator reports.');
    lines.push('Each code is explained in [diagnostics.md](diagnostics.md).');
    lines.push('');

    // Summary.
    const all = sv.flatMap(d => (d.diagnostics ?? []).map(x => ({ doc: d, x })));
    const codes = [...new Set(all.map(a => String(a.x.code)))].sort();
    lines.push('## Summary');
    lines.push('');
    lines.push(`| code | severity | what it means | ${sv.map(d => `\`${path.basename(d.uri.fsPath)}\``).join(' | ')} |`);
    lines.push(`|---|---|---|${sv.map(() => '---:').join('|')}|`);
    for (const code of codes) {
        const sev = SEVERITY[all.find(a => String(a.x.code) === code)!.x.severity ?? 1];
        const meaning = DIAGNOSTIC_SUMMARY[code as DiagnosticCode]?.en ?? '';
        lines.push(`| [\`${code}\`](diagnostics.md#${code}) | ${sev} | ${meaning} | ${sv.map(d => (d.diagnostics ?? []).filter(x => String(x.code) === code).length).join(' | ')} |`);
    }
    const count = (s: number) => all.filter(a => a.x.severity === s).length;
    lines.push('');
    const absent = ['parsing-error', 'lexing-error', 'unresolved-reference', 'duplicate-id']
        .filter(code => !all.some(a => String(a.x.code ?? (a.x.data as { code?: string })?.code) === code));
    lines.push(`In all: ${count(DiagnosticSeverity.Error)} errors, ${count(DiagnosticSeverity.Warning)} warnings, ` +
        `${count(DiagnosticSeverity.Hint)} hints.` + (absent.length ? ` None of: ${absent.map(c => `\`${c}\``).join(', ')}.` : ''));
    lines.push('');

    // Status of the indicators, per plan.
    lines.push('## Status of the indicators (latest outcome)');
    lines.push('');
    lines.push('| plan | indicators | green | yellow | red | no data | pending | cannot be assessed |');
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const doc of sv) {
        for (const plan of AstUtils.streamAllContents(doc.parseResult.value).filter(isPlan) as Iterable<Plan>) {
            const assessments = AstUtils.streamAllContents(plan).filter(isIndicator).map(assessIndicator).toArray();
            const c = countStatuses(assessments);
            lines.push(`| ${esc(plan.title)} | ${assessments.length} | ${c.green} | ${c.yellow} | ${c.red} | ${c['no-data']} | ${c.pending} | ${c.undefined} |`);
        }
    }
    lines.push('');
    lines.push('"Cannot be assessed" is never counted as red: the latest outcome lies in a gap between the bands or');
    lines.push('in two bands at once.');
    lines.push('');
    for (const doc of sv) {
        for (const plan of AstUtils.streamAllContents(doc.parseResult.value).filter(isPlan) as Iterable<Plan>) {
            const assessments = AstUtils.streamAllContents(plan).filter(isIndicator).map(assessIndicator).toArray()
                .filter(a => a.series.some(s => s.outcomes.length > 0));
            if (assessments.length === 0) continue;
            lines.push(`### ${esc(plan.title)}: every indicator with an outcome`);
            lines.push('');
            lines.push('| line | indicator | bands | status | trend | reason |');
            lines.push('|---:|---|---|---|---|---|');
            for (const a of assessments) {
                const line = (a.indicator.$cstNode?.range.start.line ?? 0) + 1;
                const bands = a.series.map(s => (a.series.length > 1 ? `${s.seriesTitle}: ` : '') + s.bandsText.sv).join('; ');
                lines.push(`| ${line} | ${esc(a.indicator.title)} | ${esc(bands)} | ${STATUS_WORD[a.status].en} | ${a.trend ?? ''} | ${esc(a.reason.sv)} |`);
            }
            lines.push('');
        }
    }

    // Findings, file by file.
    for (let i = 0; i < sv.length; i++) {
        const doc = sv[i];
        const diags = [...(doc.diagnostics ?? [])].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        lines.push(`## \`${rel(doc)}\``);
        lines.push('');
        if (diags.length === 0) {
            lines.push('Nothing to report.');
            lines.push('');
            continue;
        }
        const english = en.find(d => d.uri.toString() === doc.uri.toString());
        lines.push('| line | severity | code | source text | message (sv) | message (en) |');
        lines.push('|---:|---|---|---|---|---|');
        for (const d of diags) {
            const twin = english?.diagnostics?.find(x => x.code === d.code && x.range.start.line === d.range.start.line
                && x.range.start.character === d.range.start.character);
            const source = doc.textDocument.getText(d.range);
            lines.push(`| ${d.range.start.line + 1} | ${SEVERITY[d.severity ?? 1]} | \`${d.code}\` | \`${esc(source)}\` | ${esc(String(d.message))} | ${esc(String(twin?.message ?? ''))} |`);
        }
        lines.push('');
    }
    return lines.join('\n');
}

export type { Diagnostic };
