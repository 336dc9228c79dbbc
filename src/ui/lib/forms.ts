/** Parses a whole number typed in a form; undefined when it is not one. */
export const parseWhole = (s: string): number | undefined => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : undefined);
