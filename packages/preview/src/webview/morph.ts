/**
 * Makes `target`'s children equal to `source`'s with as few DOM changes as it can: equal nodes are
 * kept, elements of the same kind are patched (attributes, then children) and the rest replaced.
 * Blocks keep their identity across renders, so the page neither flickers nor loses its scroll.
 * Returns how many nodes were inserted or replaced (for tests).
 */
export function morphChildren(target: Node, source: Node): number {
    let changes = 0;
    const incoming = Array.from(source.childNodes);
    for (let i = 0; i < incoming.length; i++) {
        const next = incoming[i];
        const current = target.childNodes[i];
        if (!current) {
            target.appendChild(next.cloneNode(true));
            changes++;
        } else if (current.isEqualNode(next)) {
            continue;
        } else if (sameKind(current, next)) {
            if (current.nodeType === Node.ELEMENT_NODE) {
                syncAttributes(current as Element, next as Element);
                changes += morphChildren(current, next);
            } else {
                current.nodeValue = next.nodeValue;
            }
        } else {
            target.replaceChild(next.cloneNode(true), current);
            changes++;
        }
    }
    while (target.childNodes.length > incoming.length) {
        target.removeChild(target.lastChild!);
        changes++;
    }
    return changes;
}

function sameKind(a: Node, b: Node): boolean {
    if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) return false;
    // An SVG is redrawn whole: patching its parts buys nothing and attribute order matters to some.
    return a.nodeType !== Node.ELEMENT_NODE || (a as Element).namespaceURI === (b as Element).namespaceURI && a.nodeName.toLowerCase() !== 'svg';
}

function syncAttributes(target: Element, source: Element): void {
    for (const attr of Array.from(target.attributes)) {
        if (!source.hasAttribute(attr.name)) target.removeAttribute(attr.name);
    }
    for (const attr of Array.from(source.attributes)) {
        if (target.getAttribute(attr.name) !== attr.value) target.setAttribute(attr.name, attr.value);
    }
}
