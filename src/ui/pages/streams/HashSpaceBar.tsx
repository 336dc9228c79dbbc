import Box from '@cloudscape-design/components/box';
import { keyPosition, rangeSlice } from '../../hooks/hashKey';
import type { Shard } from '../../hooks/useStreams';
import { usePreferences } from '../../state/preferences';
import { chartTheme, textOn } from '../monitoring/chartTheme';

/*
 * Colours come from the chart theme (resolved per light/dark mode), not from
 * @cloudscape-design/design-tokens: that package's CSS variable names belong to another release of
 * the components, so its values fall back to the light theme and a dark page got white tracks.
 * The same palette colours the Monitoring page's per-shard chart, so a shard keeps its colour.
 */
const useBarTheme = () => {
  const mode = usePreferences((s) => s.theme);
  return chartTheme(mode);
};

export const useShardColor = () => {
  const { series } = useBarTheme();
  return (index: number) => series[index % series.length];
};

const trackStyle = (grid: string, axis: string) => ({
  position: 'relative' as const,
  width: '100%',
  borderRadius: 4,
  background: 'transparent',
  border: `1px solid ${axis}`,
  boxShadow: `inset 0 0 0 100vmax ${grid}`,
  overflow: 'hidden' as const,
});

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
  const theme = useBarTheme();
  const slices = shards.flatMap((s) => (s.HashKeyRange ? [{ shard: s, ...rangeSlice(s.HashKeyRange) }] : []));
  const summary = slices.map(({ shard, width }) => `${shard.ShardId} ${pct(width)}`).join(', ');
  return (
    <div>
      <div role="img" aria-label={summary ? `${label}: ${summary}` : label} data-testid="hash-space-bar" style={{ ...trackStyle(theme.grid, theme.axis), height: 28 }}>
        {slices.map(({ shard: s, left, width }, i) => {
          const dim = highlight !== undefined && highlight !== s.ShardId;
          return (
            <div
              key={s.ShardId}
              title={`${s.ShardId}: ${pct(width)} of the hash space`}
              style={{
                position: 'absolute',
                left: `${left}%`,
                width: `${width}%`,
                top: 0,
                bottom: 0,
                // A dimmed slice fades its colour (hex alpha), not its label, which stays readable.
                background: `${theme.series[i % theme.series.length]}${dim ? '4d' : ''}`,
                borderRight: `2px solid ${theme.tooltipBackground}`,
                boxSizing: 'border-box',
                // Text on a slice: near-black or white, whichever reads better on the slice's colour.
                color: dim ? theme.tooltipText : textOn(theme.series[i % theme.series.length]),
                fontSize: 11,
                fontWeight: 700,
                lineHeight: '28px',
                paddingLeft: 4,
                overflow: 'hidden',
                whiteSpace: 'nowrap',
                textOverflow: 'ellipsis',
              }}
            >
              {s.ShardId} · {pct(width)}
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
              background: theme.tooltipText,
              boxShadow: `0 0 0 1px ${theme.tooltipBackground}`,
            }}
          />
        )}
      </div>
      <Box fontSize="body-s" color="text-body-secondary">
        <div style={{ display: 'flex', justifyContent: 'space-between' }}>
          <span>0</span>
          <span>2^127 (middle)</span>
          <span>2^128 - 1</span>
        </div>
      </Box>
    </div>
  );
}

/** One shard's slice of the hash space, for a table row. */
export function ShardSlice({ shard, color, closed }: { shard: Shard; color: string; closed: boolean }) {
  const theme = useBarTheme();
  if (!shard.HashKeyRange) return null;
  const { left, width } = rangeSlice(shard.HashKeyRange);
  return (
    <div
      role="img"
      aria-label={`${shard.ShardId} covers ${pct(width)} of the hash space starting at ${left.toFixed(2)}%`}
      title={`${pct(width)} of the hash space`}
      style={{ ...trackStyle(theme.grid, theme.axis), height: 12, minWidth: 120 }}
    >
      <div
        style={{
          position: 'absolute',
          left: `${left}%`,
          width: `max(${width}%, 2px)`,
          top: 0,
          bottom: 0,
          background: closed ? theme.axis : color,
          opacity: closed ? 0.4 : 1,
        }}
      />
    </div>
  );
}

const pct = (width: number) => `${width >= 10 ? width.toFixed(1) : width.toFixed(2)}%`;
