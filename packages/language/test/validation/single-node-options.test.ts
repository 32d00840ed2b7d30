import type { AstNode, ValidationOptions } from 'langium';
import { afterEach, expect, test } from 'vitest';
import { services, validate } from './helpers.js';

const PLAN = `roll r "R"\nplan p "P" { år 2025\n  enhet u "U" {\n    indikator i "I" {\n      grön 7,0 eller lägre\n      gul 7,1–7,5\n      utfall 2025: 7,06\n      ansvarig r rapporterar r mäts årligen\n    }\n  }\n}\n`;

const validator = services.Vplan.validation.DocumentValidator as unknown as {
    validateSingleNodeOptions(node: AstNode, options: ValidationOptions): { validateNode: boolean; validateChildren: boolean };
};
const original = validator.validateSingleNodeOptions;
afterEach(() => { validator.validateSingleNodeOptions = original; });

test('validateSingleNodeOptions is honoured: a node and its subtree can be left out of the checks', async () => {
    const all = await validate(PLAN, 'en');
    expect(all.codes()).toEqual(expect.arrayContaining(['band-gap', 'outcome-in-gap']));
    // Leave out the indicator itself but not its children: its own checks go, the outcome's stay.
    validator.validateSingleNodeOptions = node => ({ validateNode: node.$type !== 'Indicator', validateChildren: true });
    const withoutNode = await validate(PLAN, 'en');
    expect(withoutNode.codes()).not.toContain('band-gap');
    // Leave out the unit's subtree: nothing inside it is checked.
    validator.validateSingleNodeOptions = node => ({ validateNode: true, validateChildren: node.$type !== 'Unit' });
    const withoutSubtree = await validate(PLAN, 'en');
    expect(withoutSubtree.codes()).not.toContain('band-gap');
    expect(withoutSubtree.codes()).not.toContain('outcome-in-gap');
});
