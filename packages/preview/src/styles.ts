/**
 * The look of a rendered plan. One stylesheet written against --vp-* variables; two themes give the
 * variables their values: the report's (light, dark by `prefers-color-scheme`, and print) and the
 * webview's (VS Code's --vscode-* variables, so light, dark and high-contrast themes all work).
 * Status is never told by colour alone: every mark also has a shape and a word.
 */

const BASE = `
.vplan-doc{font-family:var(--vp-font);font-size:var(--vp-font-size);line-height:1.55;color:var(--vp-fg);max-width:60rem;margin:0 auto;padding:0 1.25rem 3rem}
.vplan-doc *{box-sizing:border-box}
.vplan-doc h1,.vplan-doc h2,.vplan-doc h3,.vplan-doc h4,.vplan-doc h5,.vplan-doc h6{font-family:var(--vp-heading-font);line-height:1.25;margin:1.6em 0 .55em;color:var(--vp-heading)}
.vplan-doc h2{font-size:1.5em;border-bottom:2px solid var(--vp-accent);padding-bottom:.2em}
.vplan-doc h3{font-size:1.22em}
.vplan-doc h4{font-size:1.06em}
.vplan-doc h5,.vplan-doc h6{font-size:1em}
.vplan-doc a{color:var(--vp-link)}
.vplan-doc a:focus-visible{outline:2px solid var(--vp-focus);outline-offset:2px}
.vplan-doc p{margin:.5em 0}
.vplan-doc table{border-collapse:collapse}
.vplan-doc code{font-family:var(--vp-mono);font-size:.92em}
.muted{color:var(--vp-muted)}
.doc-header{margin:0 -1.25rem 1.5rem;padding:1.6rem 1.25rem 1.2rem;border-bottom:4px solid var(--vp-accent);background:var(--vp-header-bg)}
.doc-org{margin:0;font-size:.95em;letter-spacing:.04em;text-transform:uppercase;color:var(--vp-muted);font-weight:600}
.doc-title{font-size:2.1em;margin:.2em 0 .4em!important;border:0}
.doc-decision{margin:0 0 .6em;color:var(--vp-muted)}
.doc-meta{display:flex;flex-wrap:wrap;gap:.3rem 2rem;margin:0}
.doc-meta div{display:flex;gap:.5rem}
.doc-meta dt{font-weight:600}
.doc-meta dd{margin:0}
.notice{padding:.6rem .8rem;border-left:4px solid var(--vp-accent);background:var(--vp-surface)}
.doc-toc{margin:1.5rem 0;padding:.8rem 1.2rem;background:var(--vp-surface);border:1px solid var(--vp-border);border-radius:6px}
.doc-toc h2{border:0;margin:.2em 0 .4em;font-size:1.15em}
.doc-toc ol{margin:.2em 0;padding-left:1.3em}
.doc-toc a{text-decoration:none}
.doc-toc a:hover{text-decoration:underline}
.doc-toc ul.toc-plain{list-style:none;padding-left:0}
.doc-toc ul.toc-plain ul.toc-plain{padding-left:1.2em}
.deviations{margin:1.5rem 0;padding:1rem 1.2rem;border:1px solid var(--vp-border);border-left:5px solid var(--vp-red);border-radius:8px}
.deviations h2{margin-top:.2em}
.dev-count{font-weight:400;color:var(--vp-muted);font-size:.8em}
.dev-list{list-style:none;padding:0;margin:.4rem 0 0}
.dev{display:grid;grid-template-columns:9.5rem 1fr;gap:.1rem .8rem;padding:.45rem 0;border-bottom:1px solid var(--vp-border);break-inside:avoid}
.dev-status{grid-row:span 3;display:flex;align-items:baseline;gap:.4rem;font-weight:600;overflow-wrap:normal}
.dev-title{font-weight:600}
.dev-where{color:var(--vp-muted);font-size:.88em}
.dev-reason{font-size:.9em}
.dev .trend{grid-column:2;justify-self:start}
@media (max-width:560px){.dev{grid-template-columns:1fr}.dev-status,.dev .trend{grid-row:auto;grid-column:auto}}
.doc-footer{margin-top:3rem;padding-top:.6rem;border-top:1px solid var(--vp-border);color:var(--vp-muted);font-size:.85em}

.dashboard{margin:1.5rem 0 2rem;padding:1rem 1.2rem 1.2rem;border:1px solid var(--vp-border);border-radius:8px;background:var(--vp-surface)}
.dashboard h2{margin-top:.2em}
.dash-intro{color:var(--vp-muted);margin-top:0}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:.3rem 1.1rem;padding:0;margin:.5rem 0 1rem;font-size:.9em}
.legend li{display:flex;align-items:center;gap:.35rem}
.dash-table{width:100%;margin:.4rem 0 1.2rem;font-size:.93em;table-layout:fixed}
.dash-table thead th:nth-child(1){width:30%}
.dash-table thead th:nth-child(2){width:36%}
.dash-table thead th:nth-child(3){width:13%}
.dash-table caption{text-align:left;font-weight:700;padding:.3rem 0;font-family:var(--vp-heading-font);color:var(--vp-heading)}
.dash-table th,.dash-table td{padding:.45rem .5rem;border-bottom:1px solid var(--vp-border);vertical-align:top;text-align:left}
.dash-table thead th{font-size:.85em;color:var(--vp-muted);font-weight:600;border-bottom:2px solid var(--vp-border)}
.dash-table tbody th{font-weight:600;overflow-wrap:break-word;hyphens:manual}
.dash-total tbody th{font-size:1.05em}
.bar-cell .bar{display:block;width:100%;height:14px}
.bar-text{margin:.25rem 0 0;font-size:.88em;display:flex;flex-wrap:wrap;gap:.15rem .7rem;align-items:center}
.count{white-space:nowrap;display:inline-flex;align-items:center;gap:.25rem}
.bar-track{fill:var(--vp-track)}
.seg-gap{fill:var(--vp-surface)}
.seg-status-green{fill:var(--vp-green)}
.seg-status-yellow{fill:var(--vp-yellow)}
.seg-status-red{fill:var(--vp-red)}
.seg-status-no-data,.seg-status-pending,.seg-status-undefined{fill:var(--vp-nodata)}
.seg-progress-done{fill:var(--vp-green)}
.seg-progress-started{fill:var(--vp-blue)}
.seg-progress-not-started,.seg-progress-unknown{fill:var(--vp-nodata)}
.seg-progress-delayed{fill:var(--vp-yellow)}
.seg-progress-cancelled{fill:var(--vp-red)}
.trend-summary{margin:0;display:flex;flex-wrap:wrap;gap:.2rem .8rem}
@media (max-width:640px){
.dash-table,.dash-table tbody,.dash-table tr,.dash-table th,.dash-table td{display:block;width:auto!important}
.dash-table thead{display:none}
.dash-table tr{padding:.4rem 0;border-bottom:1px solid var(--vp-border)}
.dash-table th,.dash-table td{border:0;padding:.15rem 0}
.doc-title{font-size:1.6em}
.facts{grid-template-columns:minmax(0,1fr);flex-basis:100%;min-width:0}
.facts dd{min-width:0;overflow-wrap:break-word}
.facts dt{margin-top:.3rem}
.outcomes{min-width:0;width:100%}
.ind-chart{max-width:100%;overflow:hidden}
}

.dot{display:inline-block;width:.78em;height:.78em;flex:none;vertical-align:-.05em;border:2px solid transparent}
.dot-green{background:var(--vp-green);border-color:var(--vp-green);border-radius:50%}
.dot-yellow{background:var(--vp-yellow);border-color:var(--vp-yellow-edge);transform:rotate(45deg) scale(.88)}
.dot-red{background:var(--vp-red);border-color:var(--vp-red)}
.dot-no-data{border-color:var(--vp-nodata-edge);border-radius:50%}
.dot-pending{border-color:var(--vp-nodata-edge);border-style:dashed;border-radius:50%}
.dot-undefined{border-color:var(--vp-nodata-edge);transform:rotate(45deg) scale(.85)}
.badge{display:inline-flex;align-items:center;gap:.4rem;padding:.12rem .6rem;border-radius:999px;border:1px solid var(--vp-border);font-size:.86em;font-weight:600;white-space:nowrap;background:var(--vp-bg)}
.badge-green{border-color:var(--vp-green);background:var(--vp-green-bg)}
.badge-yellow{border-color:var(--vp-yellow-edge);background:var(--vp-yellow-bg)}
.badge-red{border-color:var(--vp-red);background:var(--vp-red-bg)}
.trend{display:inline-flex;align-items:center;gap:.25rem;font-size:.88em;white-space:nowrap}
.arrow{font-weight:700;font-size:1.1em}
.trend-improving .arrow{color:var(--vp-green-text)}
.trend-worsening .arrow{color:var(--vp-red-text)}
.trend-unchanged .arrow{color:var(--vp-muted)}

.section{margin:0}
.prose table{border-collapse:collapse;margin:.6em 0}
.prose th,.prose td{border:1px solid var(--vp-border);padding:.3em .6em}
.prose blockquote{margin:.6em 0;padding:.1em 1em;border-left:3px solid var(--vp-border);color:var(--vp-muted)}
.unit{margin:2rem 0 0}
.unit-title{border-bottom-color:var(--vp-accent)}
.unit-aims{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.8rem;margin:.8rem 0 1.2rem}
.aim{border:1px solid var(--vp-border);border-top:3px solid var(--vp-accent);border-radius:6px;padding:.3rem .9rem .6rem;background:var(--vp-surface)}
.aim-title{margin:.4em 0 .3em!important;font-size:.95em!important;text-transform:uppercase;letter-spacing:.04em;color:var(--vp-muted)!important}
.aim ul{margin:.2em 0;padding-left:1.1em}
.aim li{margin:.2em 0}
.goal-points{margin:.2em 0;padding-left:1.1em;list-style:circle}
.goal-chip{display:inline-block;font-size:.82em;padding:.02rem .5rem;border-radius:4px;background:var(--vp-chip-bg);border:1px solid var(--vp-border);margin:.1rem 0}
.block-title{font-size:1.1em!important}
.sub-title{font-weight:700;margin:.9em 0 .3em;font-size:.95em}

.indicator{border:1px solid var(--vp-border);border-left:5px solid var(--vp-nodata);border-radius:6px;padding:.7rem 1rem .8rem;margin:.9rem 0;background:var(--vp-bg);break-inside:avoid}
.indicator.status-green{border-left-color:var(--vp-green)}
.indicator.status-yellow{border-left-color:var(--vp-yellow-edge)}
.indicator.status-red{border-left-color:var(--vp-red)}
.ind-head{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.4rem 1rem}
.ind-title{margin:0!important;font-size:1.08em!important;flex:1 1 20rem}
.ind-status{display:flex;gap:.7rem;align-items:center}
.ind-reason{margin:.2rem 0 .5rem;color:var(--vp-muted);font-size:.9em}
.ind-body{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:flex-start}
.facts{margin:0;flex:1 1 22rem;display:grid;grid-template-columns:max-content 1fr;gap:.15rem .9rem;font-size:.92em}
.facts div{display:contents}
.facts dt{color:var(--vp-muted);font-weight:600}
.facts dd{margin:0}
.facts.compact{font-size:.88em;margin-top:.2rem}
.ind-chart{flex:none}
.series-name{font-weight:600}
.sparkline{display:block;overflow:visible}
.spark-frame{fill:none;stroke:var(--vp-border)}
.spark-axis{stroke:var(--vp-border);stroke-dasharray:2 2}
.spark-label{font:600 9px var(--vp-font);fill:var(--vp-muted)}
.spark-empty{font:italic 10px var(--vp-font);fill:var(--vp-fg)}
.spark-period{font:8.5px var(--vp-font);fill:var(--vp-muted)}
.band{stroke:none}
.band-green{fill:var(--vp-band-green)}
.band-yellow{fill:var(--vp-band-yellow)}
.band-red{fill:var(--vp-band-red)}
.spark-line{fill:none;stroke:var(--vp-fg);stroke-width:1.4;stroke-linejoin:round}
.mark{stroke:var(--vp-bg);stroke-width:1}
.mark-green{fill:var(--vp-green)}
.mark-yellow{fill:var(--vp-yellow);stroke:var(--vp-yellow-edge)}
.mark-red{fill:var(--vp-red)}
.mark-no-data,.mark-pending,.mark-undefined{fill:var(--vp-bg);stroke:var(--vp-nodata-edge);stroke-width:1.5}
.mark-pending{stroke-dasharray:2 1.5}
.mark-last{stroke-width:1.5}
.outcomes{margin:.6rem 0 .2rem;font-size:.9em;min-width:16rem}
.outcomes th,.outcomes td{padding:.2rem .8rem .2rem 0;border-bottom:1px solid var(--vp-border);text-align:left;font-weight:normal}
.outcomes thead th{color:var(--vp-muted);font-weight:600;font-size:.92em}
.outcomes .num{text-align:right;font-variant-numeric:tabular-nums;padding-right:1.2rem}
.outcomes .latest th,.outcomes .latest td{font-weight:700}
.outcomes .st{white-space:nowrap}
.outcomes .baseline{color:var(--vp-muted)}
.footnote{font-size:.86em;color:var(--vp-muted);margin:.5rem 0 0;padding-left:.6rem;border-left:2px solid var(--vp-border)}
.footnote-label{font-weight:600;margin-right:.3em}
.footnote .prose,.footnote .prose p{display:inline;margin:0}

.activities{list-style:none;padding:0;margin:.3rem 0;border-top:1px solid var(--vp-border)}
.activity{padding:.4rem .2rem;border-bottom:1px solid var(--vp-border);break-inside:avoid}
.act-head{display:flex;justify-content:space-between;gap:.8rem;align-items:baseline}
.act-title{font-weight:500}
.progress{display:inline-flex;gap:.3rem;align-items:center;font-size:.84em;white-space:nowrap;padding:.05rem .5rem;border-radius:999px;border:1px solid var(--vp-border)}
.pi{display:inline-block;min-width:1em;text-align:center;font-weight:700}
.progress-done .pi,.pi-done{color:var(--vp-green-text)}
.progress-started .pi,.pi-started{color:var(--vp-blue)}
.progress-delayed .pi,.pi-delayed{color:var(--vp-yellow-text)}
.progress-cancelled .pi,.pi-cancelled{color:var(--vp-red-text)}
.progress.progress-done{border-color:var(--vp-green)}
.progress.progress-delayed{border-color:var(--vp-yellow-edge)}
.progress.progress-cancelled{border-color:var(--vp-red)}
.activity.progress-cancelled .act-title{text-decoration:line-through;text-decoration-thickness:1px}

.assignment{border:1px solid var(--vp-border);border-radius:6px;padding:.6rem 1rem .8rem;margin:1rem 0;break-inside:avoid-page}
.assignment .kind{margin:0;font-size:.8em;text-transform:uppercase;letter-spacing:.05em;color:var(--vp-muted);font-weight:600}
.assignment-title{margin:.1em 0 .5em!important;font-size:1.1em!important;border:0!important}
.effects{margin:.2em 0;padding-left:1.2em}
.plain-list,.goal-list{padding-left:1.2em}
/* The follow-up report (follow-up-report.ts) */
.follow-up-report .missing{font-style:italic;color:var(--vp-red)}
.follow-up-report .overdue{color:var(--vp-red)}
.follow-up-report .comment,.follow-up-report .rule{font-size:.92em;opacity:.85}
.fulfilment-table,.period-table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
.fulfilment-table th,.fulfilment-table td,.period-table th,.period-table td{padding:.25rem .5rem;border-bottom:1px solid var(--vp-border);text-align:left;vertical-align:top}
.fulfilment-table caption{text-align:left;font-weight:600;padding:.3rem 0}
`;

const LIGHT = `--vp-bg:#ffffff;--vp-fg:#1d2327;--vp-heading:#10325a;--vp-muted:#56606b;--vp-border:#d3d9e0;--vp-surface:#f5f7fa;--vp-header-bg:#eef3f8;--vp-chip-bg:#eef3f8;--vp-track:#e6eaef;
--vp-accent:#1f5f99;--vp-link:#0b5cad;--vp-focus:#0b5cad;--vp-blue:#2f6db5;
--vp-green:#2e8540;--vp-green-bg:#e7f4ea;--vp-green-text:#1e6b30;--vp-band-green:rgba(46,133,64,.16);
--vp-yellow:#f2c230;--vp-yellow-edge:#a67c00;--vp-yellow-bg:#fdf5d8;--vp-yellow-text:#8a6500;--vp-band-yellow:rgba(242,194,48,.24);
--vp-red:#c8372d;--vp-red-bg:#fbe9e7;--vp-red-text:#b0271e;--vp-band-red:rgba(200,55,45,.13);
--vp-nodata:#9aa4ae;--vp-nodata-edge:#6b7580`;

/** The report's own colours: light by default, dark when the reader's system asks for it. */
const PAGE_THEME = `
:root{color-scheme:light dark}
html{background:var(--vp-bg)}
body.vplan-page{margin:0;background:var(--vp-bg)}
:root{--vp-font:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;--vp-heading-font:var(--vp-font);--vp-mono:ui-monospace,"SFMono-Regular",Consolas,monospace;--vp-font-size:16px;
${LIGHT}}
@media (prefers-color-scheme:dark){:root{
--vp-bg:#16191d;--vp-fg:#e3e6ea;--vp-heading:#cfe0f5;--vp-muted:#a3adb8;--vp-border:#3a424b;--vp-surface:#1e2227;--vp-header-bg:#1b2430;--vp-chip-bg:#25303c;--vp-track:#2b3139;
--vp-accent:#5b9bd5;--vp-link:#8cc4ff;--vp-focus:#8cc4ff;--vp-blue:#6aa8f0;
--vp-green:#4caf65;--vp-green-bg:#1c3323;--vp-green-text:#7fd493;--vp-band-green:rgba(76,175,101,.22);
--vp-yellow:#e8c04a;--vp-yellow-edge:#e8c04a;--vp-yellow-bg:#3a3119;--vp-yellow-text:#f0d27a;--vp-band-yellow:rgba(232,192,74,.22);
--vp-red:#e5645a;--vp-red-bg:#3b1f1d;--vp-red-text:#ff8f86;--vp-band-red:rgba(229,100,90,.2);
--vp-nodata:#6b7580;--vp-nodata-edge:#9aa4ae}}
@media print{
:root{${LIGHT};--vp-fg:#000;--vp-surface:#fff;--vp-header-bg:#fff;--vp-font-size:10.5pt;color-scheme:light}
@page{size:A4;margin:20mm 16mm 18mm}
.vplan-doc{max-width:none;padding:0}
/* More specific than the base rule that follows, whose 3rem at the end can spill onto a blank last page. */
body.vplan-page .vplan-doc{padding-bottom:0}
.doc-header{margin:0;padding:35% 0 0;border:0;break-after:page}
.doc-header .doc-title{font-size:2.6em}
.doc-decision{font-size:1.15em;color:var(--vp-fg)}
.deviations,.dashboard{break-inside:auto;border-radius:0}
.doc-toc{break-inside:avoid;break-before:page}
.doc-body{break-before:page}
.vplan-doc h1,.vplan-doc h2,.vplan-doc h3,.vplan-doc h4,.vplan-doc h5,.ind-head,.dash-table caption,.block-title,.sub-title{break-after:avoid}
.vplan-doc p{orphans:3;widows:3}
.vplan-doc tr,.dev,.activity,.indicator,.aim{break-inside:avoid}
.vplan-doc thead{display:table-header-group}
.ind-chart svg{max-width:100%}
.vplan-doc a{color:inherit;text-decoration:none}
.vplan-doc a.kpi::after{content:" (" attr(href) ")";font-size:.8em;color:var(--vp-muted)}
.doc-footer{display:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

/** In VS Code: the theme's own colours, so light, dark and high-contrast themes all read well. */
const WEBVIEW_THEME = `
body{margin:0;padding:0;background:var(--vscode-editor-background);color:var(--vscode-editor-foreground)}
body{--vp-font:var(--vscode-font-family,system-ui,sans-serif);--vp-heading-font:var(--vp-font);--vp-mono:var(--vscode-editor-font-family,monospace);--vp-font-size:14px;
--vp-bg:var(--vscode-editor-background);--vp-fg:var(--vscode-editor-foreground);--vp-heading:var(--vscode-editor-foreground);--vp-muted:var(--vscode-descriptionForeground);
--vp-border:var(--vscode-panel-border,var(--vscode-widget-border,rgba(128,128,128,.35)));--vp-surface:var(--vscode-sideBar-background,var(--vscode-editor-background));
--vp-header-bg:var(--vscode-sideBar-background,transparent);--vp-chip-bg:var(--vscode-badge-background);--vp-track:var(--vscode-editorWidget-background,rgba(128,128,128,.2));
--vp-accent:var(--vscode-textLink-foreground);--vp-link:var(--vscode-textLink-foreground);--vp-focus:var(--vscode-focusBorder);--vp-blue:var(--vscode-charts-blue);
--vp-green:var(--vscode-charts-green);--vp-green-bg:transparent;--vp-green-text:var(--vscode-charts-green);--vp-band-green:color-mix(in srgb,var(--vscode-charts-green) 20%,transparent);
--vp-yellow:var(--vscode-charts-yellow);--vp-yellow-edge:var(--vscode-charts-yellow);--vp-yellow-bg:transparent;--vp-yellow-text:var(--vscode-charts-yellow);--vp-band-yellow:color-mix(in srgb,var(--vscode-charts-yellow) 22%,transparent);
--vp-red:var(--vscode-charts-red);--vp-red-bg:transparent;--vp-red-text:var(--vscode-charts-red);--vp-band-red:color-mix(in srgb,var(--vscode-charts-red) 18%,transparent);
--vp-nodata:var(--vscode-disabledForeground);--vp-nodata-edge:var(--vscode-descriptionForeground)}
.goal-chip{color:var(--vscode-badge-foreground)}
body.vscode-high-contrast .indicator,body.vscode-high-contrast .activity,body.vscode-high-contrast .assignment,body.vscode-high-contrast .aim,body.vscode-high-contrast .dashboard{border-color:var(--vscode-contrastBorder)}
body.vscode-high-contrast .band{fill:none;stroke:var(--vscode-contrastBorder);stroke-dasharray:3 2}
body.vscode-high-contrast .badge,body.vscode-high-contrast .progress{border-width:2px}
.vp-banner{position:sticky;top:0;z-index:10;margin:0;padding:.45rem 1rem;font-size:.9em;display:flex;gap:1rem;align-items:center;background:var(--vscode-inputValidation-warningBackground,var(--vscode-editorWidget-background));color:var(--vscode-foreground);border-bottom:1px solid var(--vscode-inputValidation-warningBorder,var(--vscode-panel-border))}
.vp-banner[hidden]{display:none}
.vp-dirty{position:fixed;top:.4rem;right:.6rem;z-index:11;font-size:.8em;padding:.1rem .55rem;border-radius:999px;background:var(--vscode-badge-background);color:var(--vscode-badge-foreground)}
.vp-dirty[hidden]{display:none}
.vp-toolbar{display:flex;gap:1rem;align-items:center;flex-wrap:wrap;padding:.4rem 1rem;font-size:.9em;border-bottom:1px solid var(--vscode-panel-border,#ccc)}
.vp-toolbar[hidden]{display:none}
.vp-toolbar select{background:var(--vscode-dropdown-background);color:var(--vscode-dropdown-foreground);border:1px solid var(--vscode-dropdown-border,#888);padding:.1rem .3rem}
.vplan-doc [data-line].vp-flash{outline:2px solid var(--vscode-focusBorder);outline-offset:2px}
.vplan-doc .indicator,.vplan-doc .activity,.vplan-doc .unit-aims li{cursor:default}
`;

/** The stylesheet of the printable report (inlined in the page). */
export function pageCss(): string {
    return PAGE_THEME + BASE;
}

/** The stylesheet of the VS Code webview (written to out/preview.css by the build). */
export function webviewCss(): string {
    return WEBVIEW_THEME + BASE;
}
