import { AstUtils, type AstNode } from 'langium';
import { isIndicator, type Indicator } from '../generated/ast.js';
import { assessIndicator, type IndicatorAssessment } from './status.js';
import { isDeviation, statusRank, type Status } from './vocabulary.js';

/** A status that asks for attention: red, yellow, or cannot be assessed. */
export type DeviationStatus = Extract<Status, 'red' | 'yellow' | 'undefined'>;

export interface Deviation {
    indicator: Indicator;
    status: DeviationStatus;
    assessment: IndicatorAssessment;
}

/**
 * The indicators a reviewer must look at first: worst status first in the order the status module
 * ranks them (red, yellow, cannot be assessed), and within one status in the order they are written.
 * Green, pending and no-data indicators are not deviations.
 */
export function deviationsOf(indicators: Iterable<Indicator>): Deviation[] {
    const found: Deviation[] = [];
    for (const indicator of indicators) {
        const assessment = assessIndicator(indicator);
        if (isDeviation(assessment.status)) found.push({ indicator, status: assessment.status, assessment });
    }
    // Array.prototype.sort is stable: equal statuses keep the written order.
    return found.sort((a, b) => statusRank(a.status) - statusRank(b.status));
}

/** The deviations of every indicator under a node (a plan, a unit, a whole document), in written order. */
export function deviationsIn(node: AstNode): Deviation[] {
    return deviationsOf(AstUtils.streamAllContents(node).filter(isIndicator));
}
