import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import * as tokens from '@cloudscape-design/design-tokens';
import { isOpen, openShardsByHashKey, type Shard } from '../../hooks/useStreams';
import { CliCommand } from '../../components/CliCommand';
import { cli } from './cli';
import { HashSpaceBar, ShardSlice, useShardColor } from './HashSpaceBar';

export const mono = { fontFamily: tokens.fontFamilyMonospace, fontSize: 12, wordBreak: 'break-all' as const };
const small = { ...mono, fontSize: 11 };

export function ShardsTab({ stream, shards, loading }: { stream: string; shards: Shard[]; loading: boolean }) {
  const open = openShardsByHashKey(shards);
  const colorIndex = new Map(open.map((s, i) => [s.ShardId, i]));
  const shardColor = useShardColor();
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2" description="Each open shard owns one slice of the 128-bit hash key space; together they cover all of it.">Hash key space</Header>}>
        <HashSpaceBar shards={open} />
      </Container>
      <Table<Shard>
        data-testid="shards-table"
        items={shards}
        loading={loading}
        loadingText="Loading shards"
        trackBy="ShardId"
        wrapLines
        ariaLabels={{ tableLabel: 'Shards' }}
        header={
          <Header variant="h2" counter={`(${open.length} open, ${shards.length - open.length} closed)`}>
            Shards
          </Header>
        }
        columnDefinitions={[
          {
            id: 'id',
            header: 'Shard ID',
            cell: (s) => <span data-testid={`shard-row-${s.ShardId}`} style={{ whiteSpace: 'nowrap' }}>{s.ShardId}</span>,
            isRowHeader: true,
            width: 180,
          },
          {
            id: 'state',
            header: 'State',
            width: 110,
            cell: (s) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {isOpen(s) ? <StatusIndicator type="success">Open</StatusIndicator> : <StatusIndicator type="stopped">Closed</StatusIndicator>}
              </span>
            ),
          },
          {
            id: 'hash',
            header: 'Hash key range (start / end) and slice',
            width: 320,
            cell: (s) => (
              <SpaceBetween size="xxs">
                <div style={small}>
                  <div data-testid="starting-hash-key">{s.HashKeyRange?.StartingHashKey}</div>
                  <div data-testid="ending-hash-key">{s.HashKeyRange?.EndingHashKey}</div>
                </div>
                <ShardSlice shard={s} color={shardColor(colorIndex.get(s.ShardId) ?? 0)} closed={!isOpen(s)} />
              </SpaceBetween>
            ),
          },
          {
            id: 'seq',
            header: 'Sequence numbers (start / end)',
            width: 270,
            cell: (s) => (
              <div style={small}>
                <div>{s.SequenceNumberRange?.StartingSequenceNumber}</div>
                <div>{s.SequenceNumberRange?.EndingSequenceNumber ?? <Box color="text-body-secondary" display="inline" fontSize="body-s">no end yet (open shard)</Box>}</div>
              </div>
            ),
          },
          {
            id: 'parents',
            header: 'Parent / adjacent parent',
            cell: (s) =>
              s.ParentShardId ? (
                <div style={{ whiteSpace: 'nowrap' }}>
                  <div data-testid="parent-shard">{s.ParentShardId}</div>
                  <div data-testid="adjacent-parent-shard">{s.AdjacentParentShardId ?? '-'}</div>
                </div>
              ) : (
                '-'
              ),
          },
        ]}
        empty={<Box textAlign="center">No shards</Box>}
      />
      <CliCommand command={cli.listShards(stream)} />
    </SpaceBetween>
  );
}
