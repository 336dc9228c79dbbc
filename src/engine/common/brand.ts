/** Branded primitive types: a ShardId can't be passed where a stream name is expected. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Milliseconds since the Unix epoch, as read from the injected Clock. */
export type EpochMillis = Brand<number, 'EpochMillis'>;
/** `shardId-000000000000` */
export type ShardId = Brand<string, 'ShardId'>;
/** A decimal string, increasing per shard. */
export type SequenceNumber = Brand<string, 'SequenceNumber'>;

export const epochMillis = (n: number): EpochMillis => n as EpochMillis;
export const shardId = (s: string): ShardId => s as ShardId;
export const sequenceNumber = (s: string): SequenceNumber => s as SequenceNumber;
