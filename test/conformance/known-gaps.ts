/**
 * KNOWN GAPS: scenarios where the emulator does not yet answer like AWS/kinesalite and the
 * difference is NOT deliberate (a bug to fix in the engine). Each runs as an expected failure
 * (`it.fails`), so it is visible in every run and flags itself once fixed. Key: the scenario's
 * name exactly as declared; value: what differs. Deliberate differences live in known-differences.ts.
 */
export const KNOWN_GAPS: Record<string, string> = {
  'a wrongly typed member is SerializationException':
    "the router writes the text under 'message'; AWS (and kinesalite) send a SerializationException's text under 'Message'",
  'a request without a signature is MissingAuthenticationTokenException':
    'the emulator serves unsigned requests (200); AWS and kinesalite answer 400 MissingAuthenticationTokenException "Missing Authentication Token" (or make this a deliberate difference)',
  'a GET is AccessDeniedException':
    "the router answers 400 UnknownOperationException; AWS and kinesalite answer 403 with an XML AccessDeniedException, 'Unable to determine service/operation name to be authorized'",
};
