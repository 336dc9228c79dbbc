export * from './template';
export {
  GeneratorRun,
  GeneratorConfigError,
  validateRate,
  type BackfillProgress,
  type BackfillRange,
  type GeneratorRunOptions,
  type GeneratorStats,
  type OutgoingRecord,
  type PartitionKeyStrategy,
  type PutResult,
  type PutResultEntry,
  type RunState,
  type SendBatch,
  type WeightedTemplate,
} from './run';
export * from './periodic';
