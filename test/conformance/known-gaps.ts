/**
 * KNOWN GAPS: scenarios where the emulator does not yet answer like AWS/kinesalite and the
 * difference is NOT deliberate (a bug to fix in the engine). Each runs as an expected failure
 * (`it.fails`), so it is visible in every run and flags itself once fixed. Key: the scenario's
 * name exactly as declared; value: what differs. Deliberate differences live in known-differences.ts.
 */
export const KNOWN_GAPS: Record<string, string> = {};
