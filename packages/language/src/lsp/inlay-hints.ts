import { AstUtils, GrammarUtils, type LangiumDocument } from 'langium';
import type { InlayHintProvider } from 'langium/lsp';
import { InlayHintKind, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import { isIndicator, type Indicator } from '../generated/ast.js';
import type { Lang } from '../i18n/lang.js';
import { assessIndicator } from '../semantics/index.js';
import type { VplanServices } from '../vplan-module.js';
import { EditorSettings } from './settings.js';
import { movementArrow, statusLabel, statusMark, type Status, type Trend } from '../semantics/index.js';

/**
 * The status of each indicator right after its title: "🔴 röd 62 ↓". Off when the setting
 * `vplan.inlineStatus.enabled` is false.
 */
export class VplanInlayHintProvider implements InlayHintProvider {
    private readonly settings: EditorSettings;

    constructor(private readonly services: VplanServices) {
        this.settings = new EditorSettings(services.shared.workspace.ConfigurationProvider);
        // Turning the setting on or off should show or hide the hints at once, not on the next edit.
        services.shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
            if (update.section === 'vplan') void services.shared.lsp.Connection?.languages.inlayHint.refresh().catch(() => undefined);
        });
    }

    async getInlayHints(document: LangiumDocument, params: InlayHintParams): Promise<InlayHint[]> {
        if (!(await this.settings.get()).inlineStatus) return [];
        const lang = this.services.i18n.Locale.langOf(document);
        const text = document.textDocument;
        const start = text.offsetAt(params.range.start);
        const end = text.offsetAt(params.range.end);
        const hints: InlayHint[] = [];
        for (const node of AstUtils.streamAllContents(document.parseResult.value)) {
            if (!isIndicator(node)) continue;
            const title = GrammarUtils.findNodeForProperty(node.$cstNode, 'title');
            if (!title || title.end < start || title.offset > end) continue;
            const label = indicatorStatusText(node, lang);
            if (label) {
                hints.push({
                    position: title.range.end,
                    label,
                    kind: InlayHintKind.Type,
                    paddingLeft: true
                });
            }
        }
        return hints;
    }
}

/** "🔴 röd 62 ↘" for one series; "htj 🔴 14 ↗ · sabo 🟢 1,2" for several (the arrow follows the figure). Undefined if it fails. */
export function indicatorStatusText(indicator: Indicator, lang: Lang): string | undefined {
    try {
        const assessment = assessIndicator(indicator);
        if (assessment.series.length <= 1) {
            const series = assessment.series[0];
            const display = series?.latest?.shown;
            const trend = (series?.trend ?? assessment.trend) as Trend | undefined;
            return [statusLabel(assessment.status as Status, lang), display, movementArrow({ trend, series: assessment.series })].filter(Boolean).join(' ');
        }
        return assessment.series.map(series => {
            const latest = series.latest;
            const status = (latest?.status ?? 'no-data') as Status;
            return [series.series, statusMark(status), latest?.shown, movementArrow({ trend: series.trend as Trend | undefined, series: [series] })]
                .filter(Boolean).join(' ');
        }).join(' · ');
    } catch (err) {
        console.error('vplan inline status failed:', err);
        return undefined;
    }
}
