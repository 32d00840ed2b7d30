// SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps, IDE viewers).
import type { CliDiagnostic, FileReport, Severity } from '../diagnostics.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/vplan/vplan#readme';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(files: readonly FileReport[], version: string): string {
    const ruleIndex = new Map<string, number>();
    const rules: object[] = [];
    const results: object[] = [];
    for (const file of files) {
        for (const d of file.diagnostics) {
            let index = ruleIndex.get(d.code);
            if (index === undefined) {
                index = rules.length;
                ruleIndex.set(d.code, index);
                rules.push({
                    id: d.code,
                    name: ruleName(d.code),
                    shortDescription: { text: d.code },
                    defaultConfiguration: { level: LEVEL[d.severity] }
                });
            }
            const { start, end } = d.range;
            results.push({
                ruleId: d.code,
                ruleIndex: index,
                level: LEVEL[d.severity],
                message: { text: d.message },
                locations: [{
                    physicalLocation: {
                        artifactLocation: { uri: encodeURI(file.path), uriBaseId: '%SRCROOT%' },
                        region: region(d.range)
                    }
                }],
                ...(d.related ? {
                    relatedLocations: d.related.map((r, id) => ({
                        id,
                        message: { text: r.message },
                        physicalLocation: { artifactLocation: { uri: encodeURI(r.path), uriBaseId: '%SRCROOT%' }, region: region(r.range) }
                    }))
                } : {})
            });
        }
    }
    const log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'vplan', version, semanticVersion: version, informationUri: INFORMATION_URI, rules } },
            originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileUri(process.cwd()) } },
            artifacts: files.map(f => ({ location: { uri: encodeURI(f.path), uriBaseId: '%SRCROOT%' } })),
            results
        }]
    };
    return JSON.stringify(log, null, 2) + '\n';
}

/** "band-overlap" → "BandOverlap": SARIF's rule names are identifiers. */
function ruleName(code: string): string {
    return code.split(/[^A-Za-z0-9]+/).filter(Boolean).map(w => w[0].toUpperCase() + w.slice(1)).join('') || 'Vplan';
}

function pathToFileUri(dir: string): string {
    const withSlashes = dir.split('\\').join('/');
    return encodeURI(`file://${withSlashes.startsWith('/') ? '' : '/'}${withSlashes}${withSlashes.endsWith('/') ? '' : '/'}`);
}

/** SARIF columns are 1-based; the end column is the one after the region, as LSP's end. */
function region(range: CliDiagnostic['range']) {
    return {
        startLine: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1
    };
}
