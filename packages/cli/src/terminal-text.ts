// Text from a plan (or a file name) printed to a terminal or a CI log: control characters are shown,
// never obeyed. A title holding `\x1b]0;…\x07` would set the terminal's title, `\x1b[2J` clear the
// screen, a `\n` written in a string start a line that looks like the CLI's own output, and bidi
// controls reorder what the reader sees. Found by the robustness suite.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `printable`, keeping CR and LF for formats that escape line breaks their own way (GitHub's
 * workflow commands write them as %0A).
 */
export function printableKeepingLineBreaks(text: string): string {
    return text.replace(CONTROL_BUT_LINE_BREAKS, escapeControl);
}

export function printable(text: string): string {
    return text.replace(CONTROL, escapeControl);
}

function escapeControl(ch: string): string {
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
