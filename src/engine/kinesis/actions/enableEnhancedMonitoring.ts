import type { KinesisContext } from './context';
import { changeEnhancedMonitoring, type EnhancedMonitoringInput } from './enhancedMonitoring';

export const enableEnhancedMonitoring = (k: KinesisContext, input: EnhancedMonitoringInput) =>
  changeEnhancedMonitoring(k, input, true);
