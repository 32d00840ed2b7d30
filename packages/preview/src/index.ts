// The renderer of plans, shared by the VS Code preview (fragment) and `vplan render` (page, Markdown).
export { renderDocument, renderIndex, HtmlRenderer, indicatorsOf, type RenderOptions, type IndexEntry } from './render-plan.js';
export { renderMarkdownDocument } from './render-markdown.js';
export { pageCss, webviewCss } from './styles.js';
export { LABELS, label, type LabelKey } from './labels.js';
export { buildDashboard, type Dashboard, type DashboardRow } from './dashboard.js';
export { Assessor } from './assess.js';
export { renderFollowUpReport, reportPeriod, type FollowUpReportOptions } from './follow-up-report.js';
export { followUpReportModel, periodSlug, planYearOfDocument, type FollowUpReportModel, type FollowUpModelOptions } from './follow-up-model.js';
export { renderFollowUpMarkdown } from './follow-up-markdown.js';
export { REPORT_LABELS, reportLabel } from './follow-up-labels.js';
export { renderPreviewBody, type PreviewChoice, type PreviewBody } from './follow-up-preview.js';
export { decisionOf, decisionText } from './decision.js';
