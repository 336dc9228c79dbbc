import type { KinesisContext } from './context';
import { changeEnhancedMonitoring, type EnhancedMonitoringInput } from './enhancedMonitoring';

export const disableEnhancedMonitoring = (k: KinesisContext, input: EnhancedMonitoringInput) =>
  changeEnhancedMonitoring(k, input, false);
