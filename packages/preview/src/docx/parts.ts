// The pieces every Word document of vplan is built from (the plan, the follow-up report): table cells,
// tables whose header row repeats and whose rows never split, the running header and "Sida N av M".
import {
    AlignmentType, Footer, Header, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TabStopType, TextRun, WidthType,
    type ParagraphChild
} from 'docx';
import type { Lang } from '@vplan/language';
import { label } from '../labels.js';

/** The width of the text column of an A4 page with 2 cm margins, in twentieths of a point. */
export const TEXT_WIDTH = 9638;

export interface CellOptions { header?: boolean; fill?: string; bold?: boolean }

/** A cell of lines: plain strings, or runs already styled. */
export function cell(content: string | string[] | ParagraphChild[][], options: CellOptions = {}): TableCell {
    const lines: ParagraphChild[][] = typeof content === 'string'
        ? [[new TextRun({ text: content, bold: options.header || options.bold })]]
        : (content as (string | ParagraphChild[])[]).map(c => typeof c === 'string' ? [new TextRun({ text: c, bold: options.header || options.bold })] : c);
    return new TableCell({
        children: (lines.length ? lines : [[]]).map(children => new Paragraph({ style: 'TableText', children })),
        shading: options.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } : options.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF2' } : undefined,
        margins: { top: 40, bottom: 40, left: 80, right: 80 }
    });
}

/** A table across the text column; `widths` are relative. The header row repeats on every page. */
export function table(headers: string[], rows: TableCell[][], widths: number[]): Table {
    const total = widths.reduce((a, b) => a + b, 0);
    const columnWidths = widths.map(w => Math.round((w / total) * TEXT_WIDTH));
    return new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths,
        rows: [
            new TableRow({ tableHeader: true, cantSplit: true, children: headers.map(h => cell(h, { header: true })) }),
            ...rows.map(cells => new TableRow({ cantSplit: true, children: cells }))
        ]
    });
}

/** The title left, the decision details right, on every page but the first. */
export function runningHeader(title: string, decision: string | undefined): Header {
    return new Header({
        children: [new Paragraph({
            style: 'Small',
            tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
            children: [new TextRun({ text: title }), ...(decision ? [new TextRun({ text: `\t${decision}` })] : [])]
        })]
    });
}

/** "Sida 3 av 12", with Word's page fields. */
export function pageFooter(lang: Lang): Footer {
    return new Footer({
        children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            style: 'Small',
            children: [new TextRun({ children: [`${label('page', lang)} `, PageNumber.CURRENT, ` ${label('of', lang)} `, PageNumber.TOTAL_PAGES] })]
        })]
    });
}

/** The cover page carries neither header nor footer. */
export function emptyHeader(): Header {
    return new Header({ children: [new Paragraph({})] });
}

export function emptyFooter(): Footer {
    return new Footer({ children: [new Paragraph({})] });
}
