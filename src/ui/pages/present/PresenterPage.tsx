import Button from '@cloudscape-design/components/button';
import Select from '@cloudscape-design/components/select';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { hrefFor, navigate } from '../../hooks/route';
import { appParts, formatRowtime, useApplication, useApplicationRows, useApplications, type StreamRows } from '../../hooks/useAnalytics';
import { useStreamMetrics } from '../../hooks/useMetrics';
import { useStreamList } from '../../hooks/useStreams';
import { useWorkshopProgress } from '../../hooks/useWorkshopProgress';
import { usePreferences } from '../../state/preferences';
import { IncomingRecordsPanel } from '../monitoring/IncomingRecordsPanel';
import { stepState } from '../workshop/StepView';

/** Rows shown: what the back of a room can read. */
const PRESENTED_ROWS = 8;
const SOURCE = 'SOURCE_SQL_STREAM_001';
const ERROR_STREAM = 'error_stream';

/** Black on white or white on near-black: what a projector in a lit room still shows. */
const palette = {
  light: { background: '#ffffff', text: '#000000', muted: '#2b2b2b', rule: '#000000', done: '#00611a', current: '#0033aa' },
  dark: { background: '#000000', text: '#ffffff', muted: '#e6e6e6', rule: '#ffffff', done: '#7dff9c', current: '#9cc3ff' },
};

/** The application's stream to show: one written to a destination, else the one made last; never the source or errors. */
const pickStream = (streams: readonly StreamRows[], outputs: readonly string[]): string | undefined => {
  const own = streams.filter((s) => s.name !== SOURCE && s.name !== ERROR_STREAM);
  return (own.find((s) => outputs.some((o) => o === s.name || o.toUpperCase() === s.name)) ?? own[own.length - 1])?.name;
};

function Panel({ title, children, testId, style }: { title: ReactNode; children: ReactNode; testId: string; style?: CSSProperties }) {
  const c = palette[usePreferences((s) => s.theme)];
  return (
    <section data-testid={testId} style={{ border: `2px solid ${c.rule}`, borderRadius: 12, padding: '10px 16px', minHeight: 0, overflow: 'hidden', display: 'flex', flexDirection: 'column', ...style }}>
      <h2 style={{ margin: '0 0 6px', fontSize: 24, lineHeight: '30px' }}>{title}</h2>
      {children}
    </section>
  );
}

/** What to do when a panel has nothing to show yet. */
const Empty = ({ children, testId }: { children: ReactNode; testId: string }) => (
  <p data-testid={testId} style={{ fontSize: 22, margin: 0 }}>
    {children}
  </p>
);

/**
 * The workshop on a projector: the current step in large type, the stream's IncomingRecords and
 * the application's newest rows, on one screen of 1280x720 without scrolling. Arrow keys show the
 * steps before and after (progress is not changed); Escape goes back to the workshop.
 */
export default function PresenterPage() {
  const theme = usePreferences((s) => s.theme);
  const c = palette[theme];
  const w = useWorkshopProgress();
  const [offset, setOffset] = useState(0);
  const currentIndex = w.current ? w.steps.indexOf(w.current) : w.steps.length - 1;
  const index = Math.min(Math.max(currentIndex + offset, 0), w.steps.length - 1);
  const step = w.steps[index];

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLElement && e.target.closest('input, [role="listbox"], [role="combobox"], button[aria-haspopup]')) return;
      if (e.key === 'Escape') navigate(hrefFor('/workshop'));
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') setOffset((o) => o - 1);
      else if (e.key === 'ArrowRight' || e.key === 'PageDown') setOffset((o) => o + 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // Keep the offset within the steps (a key held past the ends does nothing).
  useEffect(() => setOffset((o) => Math.min(Math.max(o, -currentIndex), w.steps.length - 1 - currentIndex)), [index, currentIndex, w.steps.length]);

  // The walkthrough's stream, or one picked from the account's streams.
  const streams = useStreamList();
  const [pickedStream, setPickedStream] = useState<string>();
  const streamNames = (streams.data ?? []).map((s) => s.name);
  const stream = pickedStream ?? (w.remembered.stream && streamNames.includes(w.remembered.stream) ? w.remembered.stream : streamNames[0]);
  const metrics = useStreamMetrics(stream, '15m');

  // The walkthrough's application, or one picked; its newest rows.
  const apps = useApplications();
  const [pickedApp, setPickedApp] = useState<string>();
  const appNames = (apps.data ?? []).map((a) => a.ApplicationName!);
  const appName = pickedApp ?? (w.remembered.application && appNames.includes(w.remembered.application) ? w.remembered.application : appNames[0]);
  const app = useApplication(appName ?? '');
  const detail = appName ? app.data : undefined;
  const running = detail?.ApplicationStatus === 'RUNNING' || detail?.ApplicationStatus === 'UPDATING';
  const rows = useApplicationRows(detail?.ApplicationARN ?? '', running, false);
  const tails = rows.data?.streams ?? [];
  const [pickedTail, setPickedTail] = useState<string>();
  const outputs = appParts(detail).outputs.map((o) => o.Name ?? '');
  const tailName = pickedTail && tails.some((t) => t.name === pickedTail) ? pickedTail : pickStream(tails, outputs);
  const tail = tails.find((t) => t.name === tailName);
  const newest = tail ? tail.rows.slice(-PRESENTED_ROWS).reverse() : [];

  const state = step ? stepState(step, w.ticked, w.current?.id) : undefined;
  const selectStyle = { minWidth: 220 };
  return (
    <div
      data-testid="presenter"
      style={{
        background: c.background,
        color: c.text,
        height: '100vh',
        boxSizing: 'border-box',
        padding: 12,
        display: 'grid',
        gap: 10,
        gridTemplateColumns: 'minmax(0, 5fr) minmax(0, 6fr)',
        gridTemplateRows: 'auto minmax(0, 1fr) minmax(0, 1fr)',
        overflow: 'hidden',
        fontSize: 20,
        fontFamily: "'Open Sans', 'Helvetica Neue', Roboto, Arial, sans-serif",
      }}
    >
      <header style={{ gridColumn: '1 / -1', display: 'flex', alignItems: 'center', gap: 16 }}>
        <h1 style={{ margin: 0, fontSize: 26, flex: 1 }}>Workshop: Building a streaming data platform</h1>
        <span style={{ fontSize: 20 }} data-testid="presenter-progress">
          {w.steps.filter((s) => w.ticked[s.id]).length} of {w.steps.length} steps done
        </span>
        <Button data-testid="exit-presenter" onClick={() => navigate(hrefFor('/workshop'))} ariaLabel="Exit presenter view (Escape)">
          Exit presenter view
        </Button>
      </header>

      <Panel
        testId="presenter-step"
        style={{ gridRow: '2 / 4' }}
        title={
          <span style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <span style={{ flex: 1 }}>{offset === 0 ? 'Current step' : offset < 0 ? 'An earlier step' : 'A later step'}</span>
            <Button iconName="angle-left" variant="icon" ariaLabel="Show the previous step" disabled={index === 0} onClick={() => setOffset((o) => o - 1)} data-testid="presenter-prev" />
            <Button iconName="angle-right" variant="icon" ariaLabel="Show the next step" disabled={index >= w.steps.length - 1} onClick={() => setOffset((o) => o + 1)} data-testid="presenter-next" />
          </span>
        }
      >
        {step ? (
          <>
            <div data-testid="presenter-step-title" data-step={step.id} style={{ fontSize: 34, lineHeight: '42px', fontWeight: 700, margin: '4px 0 10px' }}>
              {step.id} {step.title}
            </div>
            <div data-testid="presenter-step-state" data-state={state} style={{ fontSize: 22, fontWeight: 700, color: state === 'done' ? c.done : state === 'current' ? c.current : c.muted, marginBottom: 8 }}>
              {state === 'done' ? '✓ Done' : state === 'current' ? '▶ Now' : '○ Not yet'}
            </div>
            <ol data-testid="presenter-step-what" style={{ fontSize: 22, lineHeight: '30px', margin: 0, paddingInlineStart: 28, overflow: 'hidden' }}>
              {step.what.map((line, i) => (
                <li key={i} style={{ marginBottom: 6 }}>
                  {line}
                </li>
              ))}
            </ol>
          </>
        ) : (
          <Empty testId="presenter-no-step">Every step is done.</Empty>
        )}
      </Panel>

      <Panel
        testId="presenter-chart"
        title={
          <span style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <span style={{ flex: 1 }}>Records into {stream ?? 'the stream'}</span>
            {streamNames.length > 1 && (
              <span style={selectStyle}>
                <Select
                  ariaLabel="Data stream"
                  selectedOption={stream ? { value: stream, label: stream } : null}
                  options={streamNames.map((n) => ({ value: n, label: n }))}
                  onChange={({ detail }) => setPickedStream(detail.selectedOption.value)}
                />
              </span>
            )}
          </span>
        }
      >
        {!stream ? (
          <Empty testId="presenter-no-stream">No data stream yet: create one (step 1-A) and its records appear here.</Empty>
        ) : (
          <div style={{ flex: 1, minHeight: 0 }} className="presenter-chart">
            <IncomingRecordsPanel
              testId="presenter-incoming-records"
              description="1-minute Sum, the last 15 minutes"
              data={metrics.data}
              loading={metrics.isLoading}
              emptyText="No records yet: start the data generator (step 1-B)."
              height={190}
              large
            />
          </div>
        )}
      </Panel>

      <Panel
        testId="presenter-rows"
        title={
          <span style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <span style={{ flex: 1 }}>{tail ? `Newest rows of ${tail.name}` : 'Newest rows'}</span>
            {appNames.length > 1 && (
              <span style={selectStyle}>
                <Select
                  ariaLabel="Application"
                  selectedOption={appName ? { value: appName, label: appName } : null}
                  options={appNames.map((n) => ({ value: n, label: n }))}
                  onChange={({ detail }) => setPickedApp(detail.selectedOption.value)}
                />
              </span>
            )}
            {tails.length > 1 && (
              <span style={selectStyle}>
                <Select
                  ariaLabel="In-application stream"
                  data-testid="presenter-stream-picker"
                  selectedOption={tailName ? { value: tailName, label: tailName } : null}
                  options={tails.map((t) => ({ value: t.name, label: t.name }))}
                  onChange={({ detail }) => setPickedTail(detail.selectedOption.value)}
                />
              </span>
            )}
          </span>
        }
      >
        {!appName ? (
          <Empty testId="presenter-no-app">No analytics application yet: create one (Activity 2) and its rows appear here.</Empty>
        ) : !running ? (
          <Empty testId="presenter-not-running">
            {appName} is {detail?.ApplicationStatus?.toLowerCase() ?? 'not running'}: run its SQL to see rows here.
          </Empty>
        ) : !tail || newest.length === 0 ? (
          <Empty testId="presenter-no-rows">
            <StatusIndicator type="loading">Waiting for rows: they appear as records arrive and pass the SQL.</StatusIndicator>
          </Empty>
        ) : (
          <table data-testid="presenter-rows-table" style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: 20, lineHeight: '26px' }}>
            <thead>
              <tr>
                {['ROWTIME', ...tail.columns.filter((col) => !col.hidden).map((col) => col.name)].map((h) => (
                  <th key={h} style={{ textAlign: 'left', borderBottom: `2px solid ${c.rule}`, padding: '0 6px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {newest.map((r) => (
                <tr key={r.seq} data-testid="presenter-row">
                  {[formatRowtime(r.rowtime).slice(11), ...r.values.filter((_, i) => !tail.columns[i].hidden)].map((v, i) => (
                    <td key={i} style={{ padding: '0 6px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                      {v === null ? 'null' : String(v)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </div>
  );
}
