import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { isOpen, openShardsByHashKey, type Shard } from '../../hooks/useStreams';
import { CliCommand } from '../../components/CliCommand';
import { LongNumber } from '../../components/LongNumber';
import { Status, Unbroken } from '../../components/Unbroken';
import { cli } from './cli';
import { HashSpaceBar, ShardSlice, useShardColor } from './HashSpaceBar';

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
        wrapLines={false}
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
            cell: (s) => <Unbroken testId={`shard-row-${s.ShardId}`}>{s.ShardId}</Unbroken>,
            isRowHeader: true,
            minWidth: 190,
          },
          {
            id: 'state',
            header: 'State',
            minWidth: 110,
            cell: (s) => (isOpen(s) ? <Status type="success">Open</Status> : <Status type="stopped">Closed</Status>),
          },
          {
            id: 'hash',
            header: 'Hash key range (start / end) and slice',
            minWidth: 240,
            cell: (s) => (
              <SpaceBetween size="xxs">
                <div>
                  <div><LongNumber value={s.HashKeyRange?.StartingHashKey} label="starting hash key" testId="starting-hash-key" /></div>
                  <div><LongNumber value={s.HashKeyRange?.EndingHashKey} label="ending hash key" testId="ending-hash-key" /></div>
                </div>
                <ShardSlice shard={s} color={shardColor(colorIndex.get(s.ShardId) ?? 0)} closed={!isOpen(s)} />
              </SpaceBetween>
            ),
          },
          {
            id: 'seq',
            header: 'Sequence numbers (start / end)',
            minWidth: 240,
            cell: (s) => (
              <div>
                <div><LongNumber value={s.SequenceNumberRange?.StartingSequenceNumber} label="starting sequence number" /></div>
                <div>
                  {s.SequenceNumberRange?.EndingSequenceNumber ? (
                    <LongNumber value={s.SequenceNumberRange.EndingSequenceNumber} label="ending sequence number" />
                  ) : (
                    <Box color="text-body-secondary" display="inline">
                      <Unbroken>no end yet (open shard)</Unbroken>
                    </Box>
                  )}
                </div>
              </div>
            ),
          },
          {
            id: 'parents',
            header: 'Parent / adjacent parent',
            minWidth: 190,
            cell: (s) =>
              s.ParentShardId ? (
                <div>
                  <div><Unbroken testId="parent-shard">{s.ParentShardId}</Unbroken></div>
                  <div><Unbroken testId="adjacent-parent-shard">{s.AdjacentParentShardId ?? '-'}</Unbroken></div>
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
