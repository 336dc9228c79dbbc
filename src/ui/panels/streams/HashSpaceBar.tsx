import * as tokens from '@cloudscape-design/design-tokens';
import { keyPosition, rangeSlice } from '../../hooks/hashKey';
import type { Shard } from '../../hooks/useStreams';

const palette = [
  tokens.colorChartsPaletteCategorical1,
  tokens.colorChartsPaletteCategorical2,
  tokens.colorChartsPaletteCategorical3,
  tokens.colorChartsPaletteCategorical4,
  tokens.colorChartsPaletteCategorical5,
  tokens.colorChartsPaletteCategorical6,
  tokens.colorChartsPaletteCategorical7,
  tokens.colorChartsPaletteCategorical8,
];

export const shardColor = (index: number) => palette[index % palette.length];

const track = {
  position: 'relative' as const,
  width: '100%',
  borderRadius: 4,
  background: tokens.colorBackgroundLayoutMain,
  border: `1px solid ${tokens.colorBorderDividerDefault}`,
  overflow: 'hidden' as const,
};

/**
 * The whole 2^128 hash key space, 0 at the left, with each open shard's slice.
 * `highlight` outlines one shard; `marker` pins a hash key.
 */
export function HashSpaceBar({
  shards,
  highlight,
  marker,
  label = 'Hash key space of the open shards, from 0 to 2^128 - 1',
}: {
  shards: Shard[];
  highlight?: string;
  marker?: bigint;
  label?: string;
}) {
  return (
    <div>
      <div role="img" aria-label={label} data-testid="hash-space-bar" style={{ ...track, height: 28 }}>
        {shards.map((s, i) => {
          if (!s.HashKeyRange) return null;
          const { left, width } = rangeSlice(s.HashKeyRange);
          const dim = highlight !== undefined && highlight !== s.ShardId;
          return (
            <div
              key={s.ShardId}
              title={`${s.ShardId}: ${width.toFixed(2)}% of the hash space`}
              style={{
                position: 'absolute',
                left: `${left}%`,
                width: `${width}%`,
                top: 0,
                bottom: 0,
                background: shardColor(i),
                opacity: dim ? 0.3 : 1,
                borderRight: `2px solid ${tokens.colorBackgroundContainerContent}`,
                boxSizing: 'border-box',
                color: '#fff',
                fontSize: 11,
                lineHeight: '28px',
                paddingLeft: 4,
                overflow: 'hidden',
                whiteSpace: 'nowrap',
              }}
            >
              {s.ShardId?.replace('shardId-', '#')}
            </div>
          );
        })}
        {marker !== undefined && (
          <div
            data-testid="hash-key-marker"
            title="The record's hash key"
            style={{
              position: 'absolute',
              left: `calc(${keyPosition(marker)}% - 2px)`,
              width: 4,
              top: 0,
              bottom: 0,
              background: tokens.colorTextBodyDefault,
            }}
          />
        )}
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 11, color: tokens.colorTextBodySecondary }}>
        <span>0</span>
        <span>2^127</span>
        <span>2^128 - 1</span>
      </div>
    </div>
  );
}

/** One shard's slice of the hash space, for a table row. */
export function ShardSlice({ shard, color, closed }: { shard: Shard; color: string; closed: boolean }) {
  if (!shard.HashKeyRange) return null;
  const { left, width } = rangeSlice(shard.HashKeyRange);
  return (
    <div
      role="img"
      aria-label={`${shard.ShardId} covers ${width.toFixed(2)}% of the hash space starting at ${left.toFixed(2)}%`}
      style={{ ...track, height: 12, minWidth: 120 }}
    >
      <div
        style={{
          position: 'absolute',
          left: `${left}%`,
          width: `max(${width}%, 2px)`,
          top: 0,
          bottom: 0,
          background: closed ? tokens.colorTextBodySecondary : color,
          opacity: closed ? 0.4 : 1,
        }}
      />
    </div>
  );
}
