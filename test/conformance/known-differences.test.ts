/** The deliberate differences of known-differences.ts, each asserted as a difference. */
import { describe } from 'vitest';
import { knownDifferences } from './harness';

describe('conformance: deliberate differences from kinesalite', () => {
  knownDifferences();
});
