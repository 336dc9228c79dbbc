export { TemplateError } from './errors';
export { compileTemplate, checkTemplate, type CompiledTemplate, type CompileOptions } from './compiler';
export { TemplateRenderer, createFaker, show, type RendererOptions } from './renderer';
export { helperCatalogue, knownHelperNames, type HelperInfo } from './registry';
export { EMPTY_TEMPLATE, isBlankTemplate, jsonLookalikeProblem, templatePlaceOf, type JsonLookalikeProblem } from './jsonLookalike';
