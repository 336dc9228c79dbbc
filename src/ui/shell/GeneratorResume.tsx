import { useResumeGeneratorRun } from '../hooks/useGenerator';

/** Carries on a data generator run that was going when the page reloaded, whatever page opens. */
export default function GeneratorResume() {
  useResumeGeneratorRun();
  return null;
}
