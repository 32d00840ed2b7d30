// GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request.
// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`, 1-based positions.
import { relatedWhere, type FileReport, type Severity } from '../diagnostics.js';
import { printableKeepingLineBreaks } from '../terminal-text.js';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** The message part: `%`, CR and LF would end or corrupt the command. */
export function escapeData(s: string): string {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: additionally `:` and `,`, which separate the properties. */
export function escapeProperty(s: string): string {
    return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(files: readonly FileReport[]): string {
    const out: string[] = [];
    for (const file of files) {
        for (const d of file.diagnostics) {
            const { start, end } = d.range;
            // GitHub's end column is inclusive; LSP's end is exclusive.
            const endColumn = end.line === start.line ? Math.max(start.character + 1, end.character) : end.character + 1;
            const props = [
                `file=${escapeProperty(printableKeepingLineBreaks(file.path))}`,
                `line=${start.line + 1}`,
                `col=${start.character + 1}`,
                `endLine=${end.line + 1}`,
                `endColumn=${endColumn}`,
                `title=${escapeProperty(`vplan ${d.code}`)}`
            ];
            // GitHub annotates one place: the other one is named in the message.
            const related = (d.related ?? []).map(r => ` (${relatedWhere(r)}: ${r.message})`).join('');
            out.push(`::${LEVEL[d.severity]} ${props.join(',')}::${escapeData(printableKeepingLineBreaks(d.message + related))}`);
        }
    }
    return out.length ? out.join('\n') + '\n' : '';
}
