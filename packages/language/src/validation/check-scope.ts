import { ValidationRegistry, type ValidationAcceptor, type ValidationCheck } from 'langium';

/**
 * What a check may read, declared where it is registered, so the language server knows which
 * findings it may keep after an edit (diagnostic-reuse.ts).
 *
 * - `block`: the check reads only the block its node lies in (the outermost indicator, activity or
 *   assignment around it, see BLOCK_TYPES), the plan's context (its year, follow-up periods and
 *   habits: planContext in diagnostic-reuse.ts), the document's language, and the nodes its
 *   block's references resolve to (their text, position and, transitively, their references). Its
 *   findings on a block whose text and all of these are unchanged are reused after an edit.
 *   Its messages must not name positions inside the block (a line number): those move.
 * - `document`: anything else (other blocks, other documents, the Kolada cache, the date, line
 *   numbers in messages). It runs on every validation.
 *
 * A check registered without a scope is an error (validation/index.ts, and a test that walks the
 * registry), so a new check has to say which it is.
 */
export type CheckScope = 'block' | 'document';

const SCOPE = Symbol('vplan.checkScope');

type Scoped = { [SCOPE]?: CheckScope };

/** A check that reads only its block (see CheckScope). */
export function blockCheck<N>(check: (node: N, accept: ValidationAcceptor) => void): (node: N, accept: ValidationAcceptor) => void {
    return tag(check, 'block');
}

/** A check that reads beyond its block: runs on every validation. */
export function documentCheck<N>(check: (node: N, accept: ValidationAcceptor) => void): (node: N, accept: ValidationAcceptor) => void {
    return tag(check, 'document');
}

function tag<F>(check: F, scope: CheckScope): F {
    // A fresh function per registration: one check function registered twice may have two scopes.
    const wrapped = ((node: unknown, accept: ValidationAcceptor) => (check as (n: unknown, a: ValidationAcceptor) => void)(node, accept)) as F & Scoped;
    wrapped[SCOPE] = scope;
    return wrapped;
}

/** The scope a registered check declared; undefined for one registered without. */
export function scopeOf(check: ValidationCheck | ((...args: never[]) => unknown)): CheckScope | undefined {
    return (check as Scoped)[SCOPE];
}

/** Langium's registry wraps each check; the wrapper carries the scope of the function it wraps. */
export function carryScope<T extends object>(wrapper: T, check: unknown): T {
    const scope = (check as Scoped)[SCOPE];
    if (scope) (wrapper as Scoped)[SCOPE] = scope;
    return wrapper;
}

/**
 * Langium's registry, refusing a check that does not declare its scope and keeping the scope on the
 * wrapper it registers (which catches a check's exceptions).
 */
export class ScopedValidationRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        if (!scopeOf(check)) throw new Error('vplan: a check must declare what it reads: register it as blockCheck(…) or documentCheck(…) (validation/check-scope.ts)');
        return carryScope(super.wrapValidationException(check, thisObj), check);
    }
}
