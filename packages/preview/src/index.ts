// The renderer of plans, shared by the VS Code preview (fragment) and `vplan render` (page, Markdown).
export { renderDocument, HtmlRenderer, indicatorsOf, type RenderOptions } from './render-plan.js';
export { renderMarkdownDocument } from './render-markdown.js';
export { pageCss, webviewCss } from './styles.js';
export { LABELS, label, type LabelKey } from './labels.js';
export { buildDashboard, type Dashboard, type DashboardRow } from './dashboard.js';
export { Assessor } from './assess.js';
export { decisionOf, decisionText } from './decision.js';
