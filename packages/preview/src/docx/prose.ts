// Prose of a plan (Markdown) as Word paragraphs: markdown-it's tokens turned into docx runs, so
// lists, emphasis, links and tables in the plan's text stay lists, emphasis, links and tables.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import {
    BorderStyle, ExternalHyperlink, Paragraph, Table, TableCell, TableOfContents, TableRow, TextRun, WidthType,
    type ParagraphChild
} from 'docx';
import { isSafeHref } from '../html.js';
import { headingFor } from './styles.js';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
md.validateLink = url => isSafeHref(url);

export type Block = Paragraph | Table | TableOfContents;

interface Marks { bold?: boolean; italics?: boolean; strike?: boolean; code?: boolean }

/** The inline children of a token as runs, with emphasis and links. */
export function inlineRuns(children: Token[] | null | undefined): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    const marks: Marks = {};
    let link: { href: string; runs: TextRun[] } | undefined;
    const push = (run: TextRun) => (link ? link.runs.push(run) : out.push(run));
    for (const t of children ?? []) {
        switch (t.type) {
            case 'text':
                push(new TextRun({ text: t.content, bold: marks.bold, italics: marks.italics, strike: marks.strike, style: link ? 'Hyperlink' : undefined }));
                break;
            case 'code_inline':
                push(new TextRun({ text: t.content, font: 'Consolas', bold: marks.bold, italics: marks.italics }));
                break;
            case 'softbreak':
                push(new TextRun({ text: ' ' }));
                break;
            case 'hardbreak':
                push(new TextRun({ break: 1 }));
                break;
            case 'strong_open': marks.bold = true; break;
            case 'strong_close': marks.bold = false; break;
            case 'em_open': marks.italics = true; break;
            case 'em_close': marks.italics = false; break;
            case 's_open': marks.strike = true; break;
            case 's_close': marks.strike = false; break;
            case 'link_open': link = { href: t.attrGet('href') ?? '', runs: [] }; break;
            case 'link_close':
                if (link) out.push(link.href ? new ExternalHyperlink({ link: link.href, children: link.runs }) : new TextRun({ text: '' }));
                link = undefined;
                break;
            case 'image':
                push(new TextRun({ text: t.content || (t.attrGet('src') ?? '') }));
                break;
        }
    }
    return out;
}

interface ListFrame { ordered: boolean; instance: number }

/** Numbered lists restart at 1: each list is its own instance of the one numbering definition. */
let listInstance = 0;

/**
 * A Markdown text as paragraphs. `headingBase` is the level of the enclosing heading: a `#` in the
 * prose becomes one level below it, as in the HTML report.
 */
export function proseBlocks(source: string, headingBase: number): Block[] {
    const tokens = md.parse(source, {});
    const out: Block[] = [];
    const lists: ListFrame[] = [];
    let quote = 0;
    for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        switch (t.type) {
            case 'heading_open': {
                const inline = tokens[i + 1];
                out.push(new Paragraph({ heading: headingFor(headingBase + Number(t.tag.slice(1))), children: inlineRuns(inline.children), keepNext: true }));
                i += 2;
                break;
            }
            case 'bullet_list_open': lists.push({ ordered: false, instance: 0 }); break;
            case 'ordered_list_open': lists.push({ ordered: true, instance: ++listInstance }); break;
            case 'bullet_list_close':
            case 'ordered_list_close': lists.pop(); break;
            case 'blockquote_open': quote++; break;
            case 'blockquote_close': quote--; break;
            case 'paragraph_open': {
                const inline = tokens[i + 1];
                const list = lists[lists.length - 1];
                // Only the first paragraph of a list item carries the bullet; a second one is indented text.
                const first = tokens[i - 1]?.type === 'list_item_open';
                const level = Math.max(0, lists.length - 1);
                const options = list && first
                    ? list.ordered
                        ? { numbering: { reference: 'vplan-ordered', level, instance: list.instance } }
                        : { bullet: { level } }
                    : list ? { indent: { left: 720 * lists.length } } : quote ? { indent: { left: 567 * quote }, style: 'Quote' } : {};
                out.push(new Paragraph({ ...options, children: inlineRuns(inline.children) }));
                i += 2;
                break;
            }
            case 'fence':
            case 'code_block':
                for (const line of t.content.replace(/\n$/, '').split('\n')) {
                    out.push(new Paragraph({ children: [new TextRun({ text: line, font: 'Consolas', size: 18 })] }));
                }
                break;
            case 'hr':
                out.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } } }));
                break;
            case 'table_open': {
                const end = tokens.findIndex((x, j) => j > i && x.type === 'table_close');
                out.push(proseTable(tokens.slice(i, end + 1)));
                i = end;
                break;
            }
        }
    }
    return out;
}

function proseTable(tokens: Token[]): Table {
    const rows: TableRow[] = [];
    let cells: TableCell[] = [];
    let header = false;
    for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        if (t.type === 'thead_open') header = true;
        if (t.type === 'thead_close') header = false;
        if (t.type === 'tr_open') cells = [];
        if (t.type === 'th_open' || t.type === 'td_open') {
            const runs = inlineRuns(tokens[i + 1].children);
            cells.push(new TableCell({ children: [new Paragraph({ children: runs })], shading: header ? { fill: 'E8EEF2' } : undefined }));
        }
        if (t.type === 'tr_close') rows.push(new TableRow({ children: cells, tableHeader: header, cantSplit: true }));
    }
    return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}
