export * from './template';
export {
  GeneratorRun,
  GeneratorConfigError,
  validateRate,
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
