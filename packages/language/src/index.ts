export * from './generated/ast.js';
export * from './vplan-module.js';
export { convertMarkdown } from './parser/value-converter.js';
export * from './i18n/lang.js';
export * from './i18n/locale-service.js';
export * from './semantics/index.js';
export * from './validation/index.js';
export { symbolFacts, type SymbolFacts } from './scoping/symbol-facts.js';
