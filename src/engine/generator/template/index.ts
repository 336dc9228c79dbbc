export { TemplateError } from './errors';
export { compileTemplate, checkTemplate, type CompiledTemplate, type CompileOptions } from './compiler';
export { TemplateRenderer, createFaker, show, type RendererOptions } from './renderer';
export { knownHelperNames } from './registry';
export { EMPTY_TEMPLATE, isBlankTemplate, jsonLookalikeProblem, type JsonLookalikeProblem } from './jsonLookalike';
