import { describe, expect, it } from 'vitest';
import { droppedInWords } from './storageUnits';

describe('what the cap dropped, in words', () => {
  it('names each service that lost items, records before objects, with counts and sizes', () => {
    expect(droppedInWords({ s3: { records: 3, bytes: 12_288 }, kinesis: { records: 1200, bytes: 1_258_291 } })).toBe(
      '1,200 Kinesis records (1.2 MiB) and 3 S3 objects (12 KiB)',
    );
  });

  it('says one item in the singular, and lists three with commas', () => {
    expect(droppedInWords({ s3: { records: 1, bytes: 10 } })).toBe('1 S3 object (10 bytes)');
    expect(droppedInWords({ kinesis: { records: 2, bytes: 20 }, s3: { records: 1, bytes: 10 }, firehose: { records: 1, bytes: 4 } })).toBe(
      '2 Kinesis records (20 bytes), 1 S3 object (10 bytes) and 1 Firehose record held for a reading application (4 bytes)',
    );
  });
});
