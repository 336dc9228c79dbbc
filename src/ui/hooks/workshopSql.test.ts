import { describe, expect, it } from 'vitest';
import { sqlStatements, WORKSHOP_SQL, WORKSHOP_SQL_STEPS } from './workshopSql';

describe('workshop SQL', () => {
  it('splits the lab script into its six statements, unchanged', () => {
    const parts = sqlStatements(WORKSHOP_SQL);
    expect(parts).toHaveLength(6);
    // Put back together with the blank lines between them, they are the script itself.
    expect(parts.join('\n\n')).toBe(WORKSHOP_SQL.replace(/\s+$/, ''));
  });

  it('pairs each in-application stream with its pump', () => {
    expect(WORKSHOP_SQL_STEPS.dedup.stream).toMatch(/^CREATE OR REPLACE STREAM CLEAN_IOT_STREAM/);
    expect(WORKSHOP_SQL_STEPS.dedup.pump).toMatch(/^CREATE OR REPLACE PUMP DEDUP_PUMP AS/);
    expect(WORKSHOP_SQL_STEPS.filter.stream).toMatch(/^CREATE OR REPLACE STREAM FILTERED_STREAM/);
    expect(WORKSHOP_SQL_STEPS.filter.pump).toMatch(/WHERE abs\(measured_temp - ambient_temp\) > 20;$/);
    expect(WORKSHOP_SQL_STEPS.aggregate.stream).toMatch(/^CREATE OR REPLACE STREAM AGGREGATE_STREAM/);
    expect(WORKSHOP_SQL_STEPS.aggregate.pump).toMatch(/TO SECOND\);$/);
  });
});
