// The Word writer, apart from the renderer's index so the webview and the extension's fallback
// renderer do not bundle the docx library.
export { renderDocx, type DocxOptions } from './plan.js';
export { renderFollowUpDocx, followUpDocx } from './follow-up.js';
