/** The template language's helpers, documented, from the engine's registry: for the template editor's completion and hover. */
import { helperCatalogue, type HelperInfo } from '../../engine/generator/template';

export type { HelperInfo };

let catalogue: readonly HelperInfo[] | undefined;

/** Every helper the generator knows, with its parameters, a summary and an example (the same list every time). */
export const useTemplateHelpers = (): readonly HelperInfo[] => (catalogue ??= helperCatalogue());
