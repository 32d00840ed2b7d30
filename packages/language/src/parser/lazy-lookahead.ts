// The parser's lookahead, worked out for each decision when the parser first meets it.
//
// Chevrotain asks its lookahead strategy for a function per decision point (every alternative,
// option and repetition of the grammar) while it builds the parser, and Langium's strategy
// (ALL(*) from chevrotain-allstar) builds its automaton for the whole grammar first. Both are
// pure functions of the grammar, and a small plan meets a fraction of the decisions: computing
// them all up front was about a third of building the parser, which is most of a cold
// `vplan validate`. Here the automaton is built at the first decision and each decision's function
// at its first use; the functions themselves are Chevrotain-allstar's, unchanged.
import type { BaseParser, IOrAlt, OptionalProductionType, Rule } from 'chevrotain';
import { LLStarLookaheadStrategy, type LLStarLookaheadOptions } from 'chevrotain-allstar';
import type { LangiumCoreServices } from 'langium';

type AlternationOptions = { prodOccurrence: number; rule: Rule; maxLookahead: number; hasPredicates: boolean; dynamicTokensEnabled: boolean };
type OptionalOptions = { prodOccurrence: number; prodType: OptionalProductionType; rule: Rule; maxLookahead: number; dynamicTokensEnabled: boolean };
type Alternation = (this: BaseParser, orAlts?: IOrAlt<unknown>[]) => number | undefined;
type Optional = (this: BaseParser) => boolean;

export class LazyLookaheadStrategy extends LLStarLookaheadStrategy {
    private pendingRules: Rule[] | undefined;

    constructor(options?: LLStarLookaheadOptions) {
        super(options);
    }

    override initialize(options: { rules: Rule[] }): void {
        this.pendingRules = options.rules;
    }

    /** Decisions worked out so far (for tests and benchmarks). */
    built = 0;

    private ready(): void {
        const rules = this.pendingRules;
        if (rules === undefined) return;
        // Cleared only once built: a stack overflow while parsing a deep text may interrupt it.
        super.initialize({ rules });
        this.pendingRules = undefined;
    }

    override buildLookaheadForAlternation(options: AlternationOptions): Alternation {
        let decide: Alternation | undefined;
        const build = (): Alternation => {
            this.ready();
            this.built++;
            return (decide = super.buildLookaheadForAlternation(options));
        };
        return function (this: BaseParser, orAlts) {
            return (decide ?? build()).call(this, orAlts);
        };
    }

    override buildLookaheadForOptional(options: OptionalOptions): Optional {
        let decide: Optional | undefined;
        const build = (): Optional => {
            this.ready();
            this.built++;
            return (decide = super.buildLookaheadForOptional(options));
        };
        return function (this: BaseParser) {
            return (decide ?? build()).call(this);
        };
    }
}

/**
 * The services as they are, but building the parser with the lazy strategy. Langium reads the
 * parser's options from `parser.ParserConfig`, which the completion parser shares and which must
 * keep Langium's own strategy there (it predicts over incomplete text); so only the main parser
 * sees this view of the services, and every other service resolves as usual through it.
 */
export function withLazyLookahead<T extends LangiumCoreServices>(services: T): T {
    const config = services.parser.ParserConfig ?? {};
    // A grammar with a fixed LL(k) lookahead does not use ALL(*) at all.
    if ('maxLookahead' in config || 'lookaheadStrategy' in config) return services;
    const logging = services.LanguageMetaData.mode === 'production' ? () => {} : undefined;
    const ParserConfig = { ...config, lookaheadStrategy: new LazyLookaheadStrategy({ logging }) };
    const parser = Object.create(services.parser, { ParserConfig: { value: ParserConfig } });
    return Object.create(services, { parser: { value: parser } }) as T;
}
