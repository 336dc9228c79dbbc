import { describe, expect, it } from 'vitest';
import { check } from '../testing';
import { OrderByMonotonicRule } from './OrderByMonotonicRule';

describe('OrderByMonotonicRule', () => {
  it('accepts an ORDER BY led by ROWTIME or a window of it', () => {
    expect(check(OrderByMonotonicRule, `SELECT STREAM "sensorId" FROM SOURCE_SQL_STREAM_001 ORDER BY ROWTIME, "sensorId"`)).toEqual([]);
    expect(check(OrderByMonotonicRule, `SELECT STREAM "sensorId" FROM SOURCE_SQL_STREAM_001 ORDER BY FLOOR(ROWTIME TO MINUTE), "sensorId" DESC`)).toEqual([]);
  });
  it('rejects one led by anything else', () => {
    expect(check(OrderByMonotonicRule, `SELECT STREAM "sensorId" FROM SOURCE_SQL_STREAM_001 ORDER BY "sensorId", ROWTIME`)).toEqual([
      '1:62: Streaming ORDER BY must start with monotonic expression',
    ]);
  });
});
