import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Link from '@cloudscape-design/components/link';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { hrefFor } from '../hooks/route';
import { formatRowtime } from '../hooks/useAnalytics';
import { useFollowRecord, type FollowStart } from '../hooks/useFollowRecord';
import { NEWEST_OBJECTS } from '../lib/follow';
import { s3Path } from '../lib/s3Keys';
import { recordHref } from '../pages/streams/links';

const mono = { fontFamily: 'monospace', wordBreak: 'break-all' as const };

function Field({ label, value, testId }: { label: string; value: React.ReactNode; testId: string }) {
  return (
    <div>
      <Box variant="awsui-key-label">{label}</Box>
      <div data-testid={testId} style={mono}>
        {value}
      </div>
    </div>
  );
}

/**
 * One record's way through the pipeline, from wherever it was picked: the Kinesis record (shard,
 * sequence number, partition key, arrival, data), the in-application streams it passed with its rows
 * there, and the S3 objects and lines Firehose wrote it to.
 */
export function FollowRecordModal({ start, onDismiss }: { start: FollowStart | undefined; onDismiss(): void }) {
  const path = useFollowRecord(start);
  const p = path.data;
  return (
    <Modal
      visible={start !== undefined}
      onDismiss={onDismiss}
      size="large"
      header="Follow the record"
      footer={
        <Box float="right">
          <Button onClick={onDismiss}>Close</Button>
        </Box>
      }
    >
      <div data-testid="follow-panel">
        {path.isLoading && <StatusIndicator type="loading">Following the record through the pipeline</StatusIndicator>}
        {path.error && (
          <Alert type="error" header="The path could not be read" data-testid="follow-error">
            {(path.error as Error).message}
          </Alert>
        )}
        {p && (
          <SpaceBetween size="l">
            <SpaceBetween size="s">
              <Box variant="h3">1. Put into the data stream{p.sourceStream ? ` ${p.sourceStream}` : ''}</Box>
              {p.record ? (
                <>
                  <ColumnLayout columns={2} variant="text-grid">
                    <Field label="Shard" value={p.record.shardId} testId="follow-shard" />
                    <Field label="Sequence number" value={p.record.sequenceNumber} testId="follow-sequence" />
                    <Field label="Partition key" value={p.record.partitionKey} testId="follow-partition-key" />
                    <Field label="Approximate arrival (UTC)" value={formatRowtime(p.record.arrival)} testId="follow-arrival" />
                  </ColumnLayout>
                  <Field label="Data" value={p.record.data} testId="follow-data" />
                  {p.sourceStream && (
                    <Link href={recordHref(p.sourceStream, p.record.shardId, p.record.sequenceNumber)} data-testid="follow-data-viewer-link" onFollow={onDismiss}>
                      Open the record in the data viewer of {p.sourceStream}
                    </Link>
                  )}
                </>
              ) : p.aggregate ? (
                <Box data-testid="follow-aggregate">
                  This row was aggregated from {p.aggregate.rows.toLocaleString('en-US')} rows in the window {formatRowtime(p.aggregate.windowStart)} to{' '}
                  {formatRowtime(p.aggregate.windowEnd)}: it has no single source record to follow.
                </Box>
              ) : p.untraceable ? (
                <Box data-testid="follow-untraceable">
                  This row has no single source record: it was computed from several rows (a sliding window or a join), or the application reads a
                  delivery stream, which gives records no shard or sequence number.
                </Box>
              ) : (
                <Box color="text-status-inactive" data-testid="follow-no-record">
                  The record could not be found.
                </Box>
              )}
            </SpaceBetween>

            {(p.streams.length > 0 || p.rows.length > 0) && (
              <SpaceBetween size="s">
                <Box variant="h3">2. Through the SQL of {p.application}</Box>
                <Box data-testid="follow-streams">{p.streams.join(' → ')}</Box>
                {p.rows.map((r) => (
                  <div key={r.stream} data-testid={`follow-rows-${r.stream}`}>
                    <Box variant="awsui-key-label">{r.stream}</Box>
                    {r.rows.map((row) => (
                      <div key={row.seq} style={mono}>
                        {formatRowtime(row.rowtime)} | {row.values.map((v) => (v === null ? 'null' : String(v))).join(' | ')}
                      </div>
                    ))}
                  </div>
                ))}
              </SpaceBetween>
            )}

            {p.deliveries.map((d) => (
              <SpaceBetween size="s" key={d.deliveryStream}>
                <Box variant="h3">
                  3. Delivered by {d.deliveryStream} to {d.bucket ? `s3://${d.bucket}/${d.prefix}` : 'S3'}
                </Box>
                <Box variant="small">
                  {d.stream} written as {d.format}: <span style={mono}>{d.line}</span>
                </Box>
                {d.found.length ? (
                  d.found.map((f) => (
                    <div key={f.key} data-testid="follow-s3-found">
                      <Link href={hrefFor(s3Path(f.bucket, f.key))} onFollow={onDismiss}>
                        {f.key}
                      </Link>{' '}
                      line {f.lines.join(', ')}
                    </div>
                  ))
                ) : (
                  <Box color="text-status-inactive" data-testid="follow-s3-not-found">
                    Not found in the newest {d.searched} objects {d.deliveryStream} wrote (the newest {NEWEST_OBJECTS} are searched). It may still be in the
                    delivery stream's buffer, which is written out when it fills or when its buffer interval passes.
                  </Box>
                )}
              </SpaceBetween>
            ))}
            {p.notes.map((n) => (
              <Alert type="info" key={n} data-testid="follow-note">
                {n}
              </Alert>
            ))}
          </SpaceBetween>
        )}
      </div>
    </Modal>
  );
}
