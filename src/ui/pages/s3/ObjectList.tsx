import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Icon from '@cloudscape-design/components/icon';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { CliCommand } from '../../components/CliCommand';
import { DateTime, Unbroken } from '../../components/Unbroken';
import { hrefFor } from '../../hooks/route';
import { formatBytes, useObjectList, type FolderRow, type ObjectRow } from '../../hooks/useS3';
import { folderOf, nameUnder, parentFolder, s3Path } from '../../lib/s3Keys';
import { s3cli } from './cli';
import { DeleteObjectsModal } from './DeleteObjectsModal';

type Row = FolderRow | ObjectRow;
const rowId = (r: Row) => (r.kind === 'folder' ? r.prefix : r.key);

/** One level of a bucket: folders (common prefixes) first, then objects; select objects to delete them. */
export function ObjectList({ bucket, prefix }: { bucket: string; prefix: string }) {
  const list = useObjectList(bucket, prefix);
  const [selected, setSelected] = useState<ObjectRow[]>([]);
  const [deleting, setDeleting] = useState(false);
  const rows: Row[] = [...list.folders, ...list.objects];
  const present = new Set(list.objects.map((o) => o.key));
  const chosen = selected.filter((o) => present.has(o.key));
  const error = list.error as Error | null;
  const title = prefix ? nameUnder(parentFolder(prefix), prefix) : bucket;
  // Names are shown from the folder the prefix is in: under `2026/12/02/1`, `2026/12/02/10/` reads `10/`.
  const base = folderOf(prefix);
  return (
    <SpaceBetween size="l">
      <Table<Row>
        data-testid="objects-table"
        variant="full-page"
        items={rows}
        loading={list.isLoading}
        loadingText="Loading objects"
        trackBy={rowId}
        selectionType="multi"
        selectedItems={chosen}
        isItemDisabled={(r) => r.kind === 'folder'}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems.filter((r): r is ObjectRow => r.kind === 'object'))}
        ariaLabels={{
          tableLabel: `Objects in ${bucket}${prefix ? `/${prefix}` : ''}`,
          selectionGroupLabel: 'Object selection',
          allItemsSelectionLabel: () => 'Select all objects',
          itemSelectionLabel: (_s, r) => `Select ${rowId(r)}`,
        }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={list.isLoading ? undefined : `(${rows.length}${list.hasMore ? '+' : ''})`}
            description={prefix ? `s3://${bucket}/${prefix}` : `Objects in s3://${bucket}. Folders are key prefixes up to a '/'.`}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel="Refresh objects" loading={list.isFetching && !list.isLoading} onClick={() => void list.refetch()} data-testid="refresh-objects" />
                <Button disabled={chosen.length === 0} onClick={() => setDeleting(true)} data-testid="delete-objects-button">
                  Delete{chosen.length > 1 ? ` (${chosen.length})` : ''}
                </Button>
              </SpaceBetween>
            }
          >
            <span data-testid="objects-title">{title}</span>
          </Header>
        }
        columnDefinitions={[
          {
            id: 'name',
            header: 'Name',
            isRowHeader: true,
            cell: (r) =>
              r.kind === 'folder' ? (
                <Link href={hrefFor(s3Path(bucket, r.prefix))} data-testid={`folder-link-${r.prefix}`}>
                  <Unbroken>
                    <Icon name="folder" /> {nameUnder(base, r.prefix)}
                  </Unbroken>
                </Link>
              ) : (
                <Link href={hrefFor(s3Path(bucket, r.key))} data-testid={`object-link-${r.key}`}>
                  <Unbroken>
                    <Icon name="file" /> {nameUnder(base, r.key)}
                  </Unbroken>
                </Link>
              ),
          },
          { id: 'type', header: 'Type', cell: (r) => (r.kind === 'folder' ? 'Folder' : typeOf(r.key)) },
          { id: 'modified', header: 'Last modified', minWidth: 170, cell: (r) => (r.kind === 'object' ? <DateTime value={r.lastModified} /> : '-') },
          { id: 'size', header: 'Size', cell: (r) => (r.kind === 'object' ? <span data-testid="object-size">{formatBytes(r.size)}</span> : '-') },
          { id: 'class', header: 'Storage class', cell: (r) => (r.kind === 'object' ? (r.storageClass ?? 'STANDARD') : '-') },
        ]}
        empty={
          error ? (
            <Box textAlign="center" color="text-status-error" data-testid="objects-error">
              <b>{error.name}</b>: {error.message}
            </Box>
          ) : (
            <Box textAlign="center" color="inherit" padding="l" data-testid="objects-empty">
              <SpaceBetween size="s">
                <b>No objects</b>
                <Box variant="p" color="inherit">
                  {prefix ? `No keys start with ${prefix}.` : 'This bucket is empty.'} A Firehose delivery stream writes an object here when its
                  buffer fills or its buffer interval passes (60 seconds in the workshop), under YYYY/MM/DD/HH/ folders in UTC. Refresh to look
                  again.
                </Box>
              </SpaceBetween>
            </Box>
          )
        }
        footer={
          list.hasMore ? (
            <Box textAlign="center">
              <Button onClick={() => void list.loadMore()} loading={list.loadingMore} data-testid="load-more-objects">
                Load more
              </Button>
            </Box>
          ) : undefined
        }
      />
      {error && rows.length > 0 && <Alert type="error" header={error.name}>{error.message}</Alert>}
      <CliCommand command={s3cli.list(bucket, prefix)} />
      {deleting && (
        <DeleteObjectsModal
          bucket={bucket}
          keys={chosen.map((o) => o.key)}
          onDismiss={() => setDeleting(false)}
          onDeleted={() => setSelected([])}
        />
      )}
    </SpaceBetween>
  );
}

/** What the Type column says for a key: its extension, or "-" for none (Firehose's objects have none unless gzipped). */
const typeOf = (key: string): string => /\.([A-Za-z0-9]{1,8})$/.exec(key)?.[1]?.toLowerCase() ?? '-';
