import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Table from '@cloudscape-design/components/table';
import { useState, type ReactNode } from 'react';
import Button from '@cloudscape-design/components/button';
import { FollowRecordModal } from '../../components/FollowRecord';
import type { FollowStart } from '../../hooks/useFollowRecord';
import { csvLine } from '../../lib/follow';
import { framed } from '../../components/CliCommand';
import { useObjectPreview, type ObjectHead } from '../../hooks/useS3';
import { cellText, type PreviewBody } from '../../lib/objectPreview';

const PAGE_ROWS = 50;

interface PreviewRow {
  n: number;
  cells: string[];
}

/** Follows the n-th (0-based) record of the preview back to the row and record it came from. */
type OnFollow = (index: number) => void;

const KIND_LABELS: Record<PreviewBody['kind'], string> = {
  empty: 'Empty object',
  text: 'Text',
  csv: 'CSV',
  json: 'JSON',
  'json-records': 'JSON records',
  binary: 'Binary',
};

const pre = (text: string, testId: string) => (
  <div style={{ ...framed, maxHeight: 480, overflow: 'auto' }}>
    <pre data-testid={testId} style={{ margin: 0, fontFamily: 'monospace', fontSize: 13, whiteSpace: 'pre' }}>
      {text}
    </pre>
  </div>
);

/** Rows shown a page at a time, so a 1 MiB CSV does not render 20,000 rows at once. */
function PagedTable({ header, rows, testId, onFollow }: { header: string[]; rows: string[][]; testId: string; onFollow?: OnFollow }) {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_ROWS));
  const start = (Math.min(page, pages) - 1) * PAGE_ROWS;
  const items: PreviewRow[] = rows.slice(start, start + PAGE_ROWS).map((cells, i) => ({ n: start + i + 1, cells }));
  return (
    <Table<PreviewRow>
      data-testid={testId}
      variant="embedded"
      items={items}
      trackBy="n"
      wrapLines={false}
      ariaLabels={{ tableLabel: 'Preview rows' }}
      pagination={
        pages > 1 ? (
          <Pagination
            currentPageIndex={Math.min(page, pages)}
            pagesCount={pages}
            onChange={({ detail }) => setPage(detail.currentPageIndex)}
            ariaLabels={{
              paginationLabel: 'Pages of rows',
              previousPageLabel: 'Previous page of rows',
              nextPageLabel: 'Next page of rows',
              pageLabel: (n) => `Page ${n} of rows`,
            }}
          />
        ) : undefined
      }
      columnDefinitions={[
        { id: 'n', header: '#', cell: (r) => r.n, width: 70 },
        ...header.map((h, c) => ({ id: `c${c}`, header: h, cell: (r: PreviewRow) => r.cells[c] ?? '' })),
        ...(onFollow
          ? [
              {
                id: 'follow',
                header: 'Source',
                cell: (r: PreviewRow) => (
                  <Button variant="inline-link" data-testid="follow-line" ariaLabel={`Follow line ${r.n} to its record`} onClick={() => onFollow(r.n - 1)}>
                    Follow
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function Body({ body, onFollow }: { body: PreviewBody; onFollow?(line: string): void }) {
  const [view, setView] = useState<'table' | 'raw'>('table');
  const toggle = (table: ReactNode, raw: string) => (
    <SpaceBetween size="s">
      <SegmentedControl
        label="Preview as"
        selectedId={view}
        onChange={({ detail }) => setView(detail.selectedId as 'table' | 'raw')}
        options={[
          { id: 'table', text: 'Table' },
          { id: 'raw', text: 'Raw text' },
        ]}
      />
      {view === 'table' ? table : pre(raw, 'preview-text')}
    </SpaceBetween>
  );
  switch (body.kind) {
    case 'empty':
      return <Box color="text-body-secondary">The object is empty (0 bytes).</Box>;
    case 'text':
      return pre(body.text, 'preview-text');
    case 'json':
      return pre(body.pretty, 'preview-json');
    case 'binary':
      return pre(body.hex, 'preview-hex');
    case 'csv': {
      const header = Array.from({ length: body.columns }, (_, i) => `Column ${i + 1}`);
      const follow = onFollow && ((i: number) => onFollow(csvLine(body.rows[i])));
      return toggle(<PagedTable header={header} rows={body.rows} testId="preview-csv" onFollow={follow} />, body.text);
    }
    case 'json-records': {
      const rows = body.columns.length
        ? body.records.map((r) => body.columns.map((c) => cellText((r.value as Record<string, unknown>)[c])))
        : body.records.map((r) => [r.source]);
      const follow = onFollow && ((i: number) => onFollow(body.records[i].source));
      return toggle(<PagedTable header={body.columns.length ? body.columns : ['Record']} rows={rows} testId="preview-records" onFollow={follow} />, body.text);
    }
    default: {
      const never: never = body;
      return never;
    }
  }
}

/** The object's contents as the console can show them: see lib/objectPreview. */
export function ObjectPreview({ bucket, head }: { bucket: string; head: ObjectHead }) {
  const preview = useObjectPreview(bucket, head);
  const p = preview.data;
  const [follow, setFollow] = useState<FollowStart>();
  const count = p?.body.kind === 'csv' ? p.body.rows.length : p?.body.kind === 'json-records' ? p.body.records.length : undefined;
  return (
    <Container
      data-testid="object-preview"
      header={
        <Header
          variant="h2"
          counter={count !== undefined ? `(${count.toLocaleString('en-US')} ${p?.body.kind === 'csv' ? 'rows' : 'records'}${p?.truncated ? '+' : ''})` : undefined}
          description={p ? `${KIND_LABELS[p.body.kind]}${p.gzip ? ', unpacked from GZIP' : ''}` : undefined}
        >
          Preview
        </Header>
      }
    >
      {preview.isLoading && (
        <Box>
          <Spinner /> Reading the object
        </Box>
      )}
      {preview.error && (
        <Box color="text-status-error" data-testid="preview-error">
          <b>{(preview.error as Error).name}</b>: {(preview.error as Error).message}
        </Box>
      )}
      {p && (
        <SpaceBetween size="s">
          {p.notice && (
            <Alert type="info" data-testid="preview-notice">
              {p.notice}
            </Alert>
          )}
          <Body body={p.body} onFollow={(line) => setFollow({ from: 'line', bucket, key: head.key, line })} />
        </SpaceBetween>
      )}
      <FollowRecordModal start={follow} onDismiss={() => setFollow(undefined)} />
    </Container>
  );
}
