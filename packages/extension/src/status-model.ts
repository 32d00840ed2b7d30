// How the client shows a status. The status, its word (in the language the server answered in), its
// order and its mark all come from the semantics vocabulary; nothing here is a table of its own.
import type { Lang } from '@vplan/language/i18n';
import { STATUSES, statusMark, statusTitle, summaryStatuses, type Status } from '@vplan/language/vocabulary';

/** The order the status bar and the summary list the statuses in: worst first. */
export const STATUS_ORDER: readonly Status[] = STATUSES;

/** The coloured dot (🟢 🟡 🔴 ⚪ ⏳ ❔): unlike the Problems icons, it reads as a traffic light. */
export function statusIcon(status: Status): string {
    return statusMark(status);
}

export function statusLabel(status: Status, lang: Lang): string {
    return statusTitle(status, lang);
}

/** The statuses the status bar shows: the three colours always, the others when some indicator has them. */
export const shownStatuses = summaryStatuses;
