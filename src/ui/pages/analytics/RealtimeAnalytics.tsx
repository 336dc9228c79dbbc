import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Tabs from '@cloudscape-design/components/tabs';
import { useState } from 'react';
import { FollowRecordModal } from '../../components/FollowRecord';
import { useConnectionMode } from '../../hooks/services';
import type { FollowStart } from '../../hooks/useFollowRecord';
import { downloadText } from '../../lib/download';
import {
  formatRowtime as formatTime,
  LIVE_ROWS,
  useApplicationRows,
  useFetchStreamRows,
  type ApplicationDetail,
  type StreamRows,
  type TailRow,
} from '../../hooks/useAnalytics';

const SOURCE = 'SOURCE_SQL_STREAM_001';
const ERROR_STREAM = 'error_stream';

/** In-application streams in the order the console shows them: the source, your streams, then errors. */
const order = (a: StreamRows, b: StreamRows) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name);
const rank = (name: string) => (name === SOURCE ? 0 : name === ERROR_STREAM ? 2 : 1);

const csv = (s: StreamRows) => {
  const field = (v: unknown) => {
    const t = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return [['ROWTIME', ...s.columns.map((c) => c.name)].join(','), ...s.rows.map((r) => [formatTime(r.rowtime), ...r.values].map(field).join(','))].join('\n') + '\n';
};

const json = (s: StreamRows) =>
  s.rows.map((r) => JSON.stringify(Object.fromEntries([['ROWTIME', formatTime(r.rowtime)], ...s.columns.map((c, i) => [c.name, r.values[i]])]))).join('\n') + '\n';

function StreamTable({ arn, stream, paused, onHover, onFollow }: { arn: string; stream: StreamRows; paused: boolean; onHover(over: boolean): void; onFollow(row: TailRow): void }) {
  const rows = stream.rows.slice(-LIVE_ROWS).reverse();
  const fetchStreamRows = useFetchStreamRows();
  /** Downloads every row the application keeps of the stream, not just the ones shown. */
  const download = async (as: 'csv' | 'json') => {
    const all = (await fetchStreamRows(arn, stream.name)) ?? stream;
    if (as === 'csv') downloadText(`${stream.name}.csv`, csv(all), 'text/csv');
    else downloadText(`${stream.name}.json`, json(all), 'application/json');
  };
  return (
    <div onMouseEnter={() => onHover(true)} onMouseLeave={() => onHover(false)} data-testid={`rows-${stream.name}`}>
      <Table<TailRow>
        variant="embedded"
        items={rows}
        trackBy="seq"
        wrapLines={false}
        ariaLabels={{ tableLabel: `Rows of ${stream.name}` }}
        header={
          <Header
            variant="h3"
            counter={`(${stream.total.toLocaleString('en-US')} rows${paused ? ', paused while the pointer is over the table' : ''})`}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="download" onClick={() => void download('csv')} ariaLabel={`Download ${stream.name} as CSV`}>
                  CSV
                </Button>
                <Button iconName="download" onClick={() => void download('json')} ariaLabel={`Download ${stream.name} as JSON`}>
                  JSON
                </Button>
              </SpaceBetween>
            }
          >
            {stream.name}
          </Header>
        }
        columnDefinitions={[
          { id: 'ROWTIME', header: 'ROWTIME', cell: (r) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(r.rowtime)}</span> },
          ...stream.columns.map((c, i) => ({
            id: `c${i}`,
            header: c.name,
            cell: (r: TailRow) => (r.values[i] === null ? <Box color="text-status-inactive">null</Box> : String(r.values[i])),
          })),
          ...(stream.name === ERROR_STREAM
            ? []
            : [
                {
                  id: 'follow',
                  header: 'Source',
                  cell: (r: TailRow) => (
                    <Button variant="inline-link" data-testid="follow-row" onClick={() => onFollow(r)} ariaLabel={`Follow row ${r.seq} to its record`}>
                      Follow
                    </Button>
                  ),
                },
              ]),
        ]}
        empty={<Box color="text-status-inactive">No rows yet.</Box>}
      />
    </div>
  );
}

/** Live rows of every in-application stream, newest first; the KDA console's "Real-time analytics". */
export function RealtimeAnalytics({ app }: { app: ApplicationDetail }) {
  const [paused, setPaused] = useState(false);
  const mode = useConnectionMode();
  const running = app.ApplicationStatus === 'RUNNING' || app.ApplicationStatus === 'UPDATING';
  const rows = useApplicationRows(app.ApplicationARN ?? '', running, paused);
  const [tab, setTab] = useState<string | undefined>();
  const [follow, setFollow] = useState<FollowStart>();
  const streams = [...(rows.data?.streams ?? [])].sort(order);
  const active = tab && streams.some((s) => s.name === tab) ? tab : streams.find((s) => s.name !== SOURCE)?.name ?? streams[0]?.name;
  return (
    <Container
      header={
        <Header
          variant="h2"
          description={`The newest rows of each in-application stream while the application runs. The SQL runs in this browser tab, ${mode === 'aws' ? "over your account's stream, while the tab is open" : "on the emulator's clock"}.`}
        >
          Real-time analytics
        </Header>
      }
    >
      {rows.data?.problems?.length ? (
        <Alert type="warning" header="Reading or delivering is failing" data-testid="analytics-problems">
          {rows.data.problems.map((p) => (
            <div key={p}>{p}</div>
          ))}
        </Alert>
      ) : null}
      {!running ? (
        <Box color="text-status-inactive" data-testid="realtime-idle">
          {app.ApplicationStatus === 'STARTING' ? 'The application is starting…' : 'The application is not running. Save and run the SQL to see rows here.'}
          {rows.data?.statusReason && <div data-testid="status-reason">{rows.data.statusReason}</div>}
        </Box>
      ) : streams.length === 0 ? (
        <Box color="text-status-inactive" data-testid="realtime-waiting">
          Waiting for records: rows appear as records arrive in the source stream.
        </Box>
      ) : (
        <Tabs
          activeTabId={active}
          onChange={({ detail }) => setTab(detail.activeTabId)}
          ariaLabel="In-application streams"
          tabs={[
            ...streams.map((s) => ({
              id: s.name,
              label: s.name === SOURCE ? 'Source data' : s.name,
              content: (
                <StreamTable
                  arn={app.ApplicationARN ?? ''}
                  stream={s}
                  paused={paused}
                  onHover={setPaused}
                  onFollow={(row) => setFollow({ from: 'row', applicationArn: app.ApplicationARN ?? '', stream: s.name, row })}
                />
              ),
            })),
            {
              id: 'explain',
              label: 'Explain',
              content: (
                <Box variant="code" data-testid="explain">
                  <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(rows.data?.plans ?? [], null, 2)}</pre>
                </Box>
              ),
            },
          ]}
        />
      )}
      <FollowRecordModal start={follow} onDismiss={() => setFollow(undefined)} />
    </Container>
  );
}
