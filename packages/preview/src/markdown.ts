import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { isSafeHref, esc, neutraliseBidi } from './html.js';

/** Where a piece of prose sits: its first source line and the heading level it is nested under. */
export interface ProseContext {
    /** 0-based source line of the prose's first line. */
    line: number;
    /** Heading level of the enclosing title: a `#` in the prose becomes one level below it. */
    headingBase: number;
}

interface Env {
    line: number;
    headingBase: number;
}

/**
 * The Markdown engine for prose inside plans. Raw HTML is off (a plan's prose is text, never markup
 * that could run), URLs are linkified, and only http(s) and mailto links survive.
 */
function createMarkdown(): MarkdownIt {
    const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
    md.validateLink = url => isSafeHref(url);
    // Pictures would load from the network: the report is self-contained and the webview allows no
    // remote images, so an image becomes a link to it.
    md.renderer.rules.image = (tokens, idx) => {
        const token = tokens[idx];
        const src = token.attrGet('src') ?? '';
        const alt = token.content || src;
        return isSafeHref(src) ? `<a href="${esc(src)}" rel="noopener noreferrer">${esc(alt)}</a>` : esc(alt);
    };
    md.renderer.rules.text = (tokens, idx) => esc(neutraliseBidi(tokens[idx].content));
    // Block tokens carry their source line, so scroll sync can find them.
    md.core.ruler.push('vplan_lines', state => {
        const env = state.env as Env;
        for (const token of state.tokens) {
            if (token.map && token.nesting >= 0 && token.block) {
                token.attrSet('data-line', String(env.line + token.map[0]));
            }
            if (token.type === 'heading_open' || token.type === 'heading_close') {
                const level = Number(token.tag.slice(1));
                token.tag = `h${Math.min(6, level + env.headingBase)}`;
            }
            if (token.type === 'table_open') token.attrJoin('class', 'prose-table');
        }
        linkTargets(state.tokens);
    });
    return md;
}

/** Links open outside the document (the webview opens them in the browser). */
function linkTargets(tokens: Token[]): void {
    for (const token of tokens) {
        if (token.type === 'link_open') token.attrSet('rel', 'noopener noreferrer');
        if (token.children) linkTargets(token.children);
    }
}

const md = createMarkdown();

/** Re-renders of an unchanged paragraph are common while typing elsewhere: keep the last results. */
const cache = new Map<string, string>();
const CACHE_LIMIT = 2000;

/** Renders a prose block to HTML. */
export function renderProse(source: string, context: ProseContext): string {
    const key = `${context.line}\u0000${context.headingBase}\u0000${source}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const html = md.render(source, { line: context.line, headingBase: context.headingBase } satisfies Env);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, html);
    return html;
}

/** Renders a one-line text with inline Markdown (emphasis, links) but no blocks. */
export function renderInline(source: string): string {
    return md.renderInline(source, { line: 0, headingBase: 0 } satisfies Env);
}
