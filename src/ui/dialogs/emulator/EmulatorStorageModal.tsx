import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Modal from '@cloudscape-design/components/modal';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useEffect, useState } from 'react';
import { useNotify } from '../../hooks/errors';
import { formatBytes, MIN_RECORD_CAP, STORED_ITEMS, useEmulatorClockControls, useEmulatorStorage, type StorageStatus } from '../../hooks/useEmulatorConsole';

const MiB = 1024 * 1024;

/** The cap as typed, in MiB; an error text when it is not a number of at least 1. */
const capError = (text: string): string | undefined => {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) return 'Enter a number of MiB';
  if (n * MiB < MIN_RECORD_CAP) return `At least ${formatBytes(MIN_RECORD_CAP)}`;
  if (n > 16 * 1024) return 'At most 16384 MiB (16 GiB)';
  return undefined;
};

type ServiceStorage = StorageStatus['services'][string];
const NOTHING: ServiceStorage = { records: 0, bytes: 0, counts: {}, trimmed: 0 };

const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** What one service holds, in words: its items and the counts that matter for it. */
const holds = (service: string, u: ServiceStorage) => {
  const c = u.counts;
  switch (service) {
    case 'kinesis':
      return (
        <>
          <span data-testid="storage-records">{u.records.toLocaleString('en-US')}</span> {u.records === 1 ? 'record' : 'records'} in{' '}
          <span data-testid="storage-streams">{`${count(c.streams ?? 0, 'stream', 'streams')} (${count(c.shards ?? 0, 'shard', 'shards')}, closed ones included)`}</span>
        </>
      );
    case 's3':
      return `${count(u.records, 'object', 'objects')} in ${count(c.buckets ?? 0, 'bucket', 'buckets')}`;
    case 'firehose':
      return `${count(c.buffered ?? 0, 'record', 'records')} buffered for delivery in ${count(c.deliveryStreams ?? 0, 'delivery stream', 'delivery streams')}${
        c.copies ? `, ${count(c.copies, 'copy', 'copies')} held for reading applications` : ''
      }`;
    default:
      return count(u.records, 'item', 'items');
  }
};

/** What the cap dropped from a service, in words; Firehose buffers are never dropped. */
const dropped = (service: string, u: ServiceStorage): string =>
  service === 'firehose' && !u.trimmed ? 'Never dropped: kept until delivered' : `${u.trimmed.toLocaleString('en-US')} dropped`;

/**
 * Emulator storage: where the emulated state lives (this browser's IndexedDB, or memory only),
 * what each service holds against the cap (Kinesis records, S3 objects, Firehose buffers), changing the cap, and resetting the
 * emulator (which deletes the saved state too).
 */
export function EmulatorStorageModal({ onDismiss, confirmReset = false }: { onDismiss: () => void; confirmReset?: boolean }) {
  const { status, setCap } = useEmulatorStorage({ poll: 1000 });
  const { reset } = useEmulatorClockControls();
  const notify = useNotify();
  const s = status.data;
  const [capText, setCapText] = useState('');
  const [confirming, setConfirming] = useState(confirmReset);
  useEffect(() => {
    if (s && capText === '') setCapText(String(+(s.maxRecordBytes / MiB).toFixed(2)));
  }, [s, capText]);
  const error = capError(capText);
  const changed = s !== undefined && !error && Math.round(Number(capText) * MiB) !== s.maxRecordBytes;
  const used = s ? Math.min(100, (s.recordBytes / s.maxRecordBytes) * 100) : 0;

  return (
    <Modal
      visible
      size="large"
      onDismiss={onDismiss}
      header="Emulator storage"
      data-testid="storage-modal"
      footer={
        <Box float="right">
          <Button variant="primary" onClick={onDismiss} data-testid="storage-close">
            Close
          </Button>
        </Box>
      }
    >
      <SpaceBetween size="l">
        {!s ? (
          <StatusIndicator type="loading">Asking the emulator</StatusIndicator>
        ) : (
          <SpaceBetween size="l">
            <KeyValuePairs
              columns={2}
              items={[
                {
                  label: 'Saved in',
                  value: (
                    <span data-testid="storage-persistence">
                      {s.persistence === 'indexeddb' ? (
                        <StatusIndicator type="success">This browser (IndexedDB)</StatusIndicator>
                      ) : (
                        <StatusIndicator type="warning">Memory only: lost on reload ({s.reason})</StatusIndicator>
                      )}
                    </span>
                  ),
                },
                {
                  label: 'Last saved',
                  value: (
                    <span data-testid="storage-last-save">
                      {s.pending ? 'Saving changes…' : s.lastSave ? `${new Date(s.lastSave.at).toLocaleTimeString()}${s.lastSave.ms ? ` (took ${s.lastSave.ms} ms)` : ''}` : 'Nothing to save yet'}
                    </span>
                  ),
                },
                ...(s.restored
                  ? [
                      {
                        label: 'Restored at start',
                        value: (
                          <span data-testid="storage-restored">
                            {s.restored.records.toLocaleString('en-US')} {s.restored.records === 1 ? 'item' : 'items'} in {s.restored.ms.toLocaleString('en-US')} ms
                          </span>
                        ),
                      },
                    ]
                  : []),
                {
                  label: 'Reloading the page',
                  value: s.persistence === 'indexeddb' ? 'Keeps streams, records, metrics and the clock' : 'Starts an empty emulator',
                },
                { label: 'Items dropped by the cap', value: <span data-testid="storage-trimmed">{s.trimmedRecords.toLocaleString('en-US')}</span> },
              ]}
            />
            <ProgressBar
              data-testid="storage-usage"
              label="Stored data against the cap"
              description="Kinesis records (data plus partition key, as Kinesis sizes them), S3 object bodies and Firehose buffers. Over the cap the oldest records and objects go first, whichever service holds them; Firehose buffers count but wait for delivery."
              value={used}
              additionalInfo={`${formatBytes(s.recordBytes)} of ${formatBytes(s.maxRecordBytes)}`}
            />
            <Table
              data-testid="storage-services"
              variant="embedded"
              wrapLines
              header={<Header variant="h3">By service</Header>}
              items={STORED_ITEMS.map((i) => ({ ...i, u: s.services[i.service] ?? NOTHING }))}
              trackBy="service"
              columnDefinitions={[
                { id: 'service', header: 'Service', cell: (i) => i.title },
                { id: 'holds', header: 'Holds', cell: (i) => <span data-testid={`storage-holds-${i.service}`}>{holds(i.service, i.u)}</span> },
                {
                  id: 'bytes',
                  header: 'Size (share of the cap)',
                  cell: (i) => (
                    <>
                      <span data-testid={`storage-bytes-${i.service}`}>{formatBytes(i.u.bytes)}</span> ({((i.u.bytes / s.maxRecordBytes) * 100).toFixed(1)}%)
                    </>
                  ),
                },
                { id: 'dropped', header: 'Over the cap', cell: (i) => dropped(i.service, i.u) },
              ]}
            />
            <FormField
              label="Cap on stored data (MiB)"
              description="Keeps the page's memory and this browser's storage bounded. Lowering it drops the oldest records and objects at once."
              errorText={capText !== '' ? error : undefined}
              secondaryControl={
                <Button
                  data-testid="storage-cap-apply"
                  disabled={!changed}
                  loading={setCap.isPending}
                  onClick={() =>
                    setCap.mutate(Math.round(Number(capText) * MiB), {
                      onSuccess: (next) => notify.success(`The emulator now keeps at most ${formatBytes(next.maxRecordBytes)} of stored data.`),
                      onError: (e) => notify.error(e),
                    })
                  }
                >
                  Apply
                </Button>
              }
            >
              <Input data-testid="storage-cap-input" type="number" inputMode="decimal" value={capText} onChange={({ detail }) => setCapText(detail.value)} />
            </FormField>
          </SpaceBetween>
        )}
        {confirming ? (
          <Alert
            type="warning"
            header="Reset the emulator?"
            data-testid="storage-reset-confirm-box"
            action={
              <SpaceBetween direction="horizontal" size="xs">
                <Button onClick={() => setConfirming(false)} data-testid="storage-reset-cancel">
                  Cancel
                </Button>
                <Button
                  data-testid="storage-reset-confirm"
                  loading={reset.isPending}
                  onClick={() =>
                    reset.mutate(undefined, {
                      onSuccess: () => {
                        setConfirming(false);
                        notify.info('The emulator was reset: every stream, record and metric is gone, the saved copy too.');
                      },
                      onError: (e) => notify.error(e),
                    })
                  }
                >
                  Delete everything
                </Button>
              </SpaceBetween>
            }
          >
            Every stream, shard, record and metric is deleted, in this page and in this browser's saved copy. This cannot be undone.
          </Alert>
        ) : (
          <Button data-testid="storage-reset" iconName="remove" onClick={() => setConfirming(true)}>
            Reset emulator (deletes all streams and data)
          </Button>
        )}
      </SpaceBetween>
    </Modal>
  );
}
