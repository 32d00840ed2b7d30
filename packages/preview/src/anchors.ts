// Link targets in the report: from a unit's id or a section's title, never from a line number, so a
// link to `#section-2-utgångspunkter` keeps working after `vplan fmt` or an edit moves the lines.
// Two sections with the same title get `-2`, `-3` in document order.
// (Units are anchored by their id, which is unique in a valid plan.)
import { AstUtils, type AstNode } from 'langium';
import { isSection, isUnit, type Section, type Unit } from '@vplan/language';

/** Letters (any script) and digits of a title, joined by hyphens, lower case. */
export function slug(title: string): string {
    return title.normalize('NFC').toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60)
        .replace(/-+$/, '');
}

/** A unit's anchor: its id (unique in a valid plan), else its title. The dashboard links to it too. */
export function unitAnchor(unit: Unit): string {
    return `unit-${unit.name || slug(unit.title ?? '') || 'unit'}`;
}

function sectionBase(section: Section): string {
    const s = slug(section.title ?? '');
    return s ? `section-${s}` : 'section';
}

/** The anchors of every section and unit of one document, computed once per render. */
export class Anchors {
    private readonly byNode = new Map<AstNode, string>();

    of(node: Section | Unit): string {
        if (isUnit(node)) return unitAnchor(node);
        let anchor = this.byNode.get(node);
        if (anchor === undefined) {
            this.assign(AstUtils.findRootNode(node));
            anchor = this.byNode.get(node) ?? sectionBase(node);
        }
        return anchor;
    }

    private assign(root: AstNode): void {
        const used = new Map<string, number>();
        for (const node of AstUtils.streamAllContents(root)) {
            if (!isSection(node)) continue;
            const base = sectionBase(node);
            const n = (used.get(base) ?? 0) + 1;
            used.set(base, n);
            this.byNode.set(node, n === 1 ? base : `${base}-${n}`);
        }
    }
}
