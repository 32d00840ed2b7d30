import type { AstNode } from 'langium';

/** The title a node is written with ("Helhetssyn särskilt boende"), if it has one. */
export function titleOf(node: AstNode): string | undefined {
    const title = (node as { title?: unknown }).title;
    return typeof title === 'string' && title.length > 0 ? title : undefined;
}

/** The id a node is declared with, if it has one. */
export function idOf(node: AstNode): string | undefined {
    const name = (node as { name?: unknown }).name;
    return typeof name === 'string' && name.length > 0 ? name : undefined;
}
