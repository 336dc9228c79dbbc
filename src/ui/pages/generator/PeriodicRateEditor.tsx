import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMemo, useState } from 'react';
import {
  cellProblem,
  DAY_NAMES,
  fillGrid,
  gridNumbers,
  gridProblem,
  HOURS,
  type CellText,
  type GridText,
} from '../../hooks/generatorRate';
import { usePreferences } from '../../state/preferences';
import { chartTheme } from '../monitoring/chartTheme';
import { PeriodicPreviewChart } from './PeriodicPreviewChart';

const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;
const SHORT_DAYS = DAY_NAMES.map((d) => d.slice(0, 3));

type Scope = { hour?: number; day?: number };
const SCOPES: { value: string; label: string; scope: Scope }[] = [
  { value: 'all', label: 'Every hour of every day', scope: {} },
  ...DAY_NAMES.map((d, day) => ({ value: `d${day}`, label: `${d} (a column)`, scope: { day } })),
  ...Array.from({ length: HOURS }, (_, hour) => ({
    value: `h${hour}`,
    label: `${hourLabel(hour)} on every day (a row)`,
    scope: { hour },
  })),
];

export interface PeriodicRateEditorProps {
  grid: GridText;
  smoothing: boolean;
  disabled: boolean;
  onGrid(grid: GridText): void;
  onSmoothing(on: boolean): void;
}

/**
 * KDG's Periodic rate: Mu and Sigma records per second for each hour (rows) of each weekday
 * (columns), in the browser's local time; tools to fill a row, a column or everything; smoothing;
 * and a preview of the week.
 */
export function PeriodicRateEditor({ grid, smoothing, disabled, onGrid, onSmoothing }: PeriodicRateEditorProps) {
  const theme = chartTheme(usePreferences((s) => s.theme));
  const dark = usePreferences((s) => s.theme) === 'dark';
  const [fill, setFill] = useState<CellText>({ mu: '100', sigma: '10' });
  const [scope, setScope] = useState('all');
  const fillErrors = { mu: cellProblem(fill.mu), sigma: cellProblem(fill.sigma) };
  const problem = gridProblem(grid);
  const rate = useMemo(() => ({ grid: gridNumbers(grid), smoothing }), [grid, smoothing]);

  const setCell = (hour: number, day: number, key: keyof CellText, value: string) =>
    onGrid(grid.map((row, h) => (h !== hour ? row : row.map((c, d) => (d === day ? { ...c, [key]: value } : c)))));
  const applyFill = () => {
    const s = SCOPES.find((x) => x.value === scope);
    if (s && !fillErrors.mu && !fillErrors.sigma) onGrid(fillGrid(grid, fill, s.scope));
  };

  const errorColour = dark ? '#ff7a7a' : '#d91515';
  const input = (bad: boolean) => ({
    width: '3.6em',
    padding: '1px 3px',
    font: 'inherit',
    fontSize: 12,
    textAlign: 'right' as const,
    color: 'inherit',
    background: 'transparent',
    border: `1px solid ${bad ? errorColour : theme.axis}`,
    borderWidth: bad ? 2 : 1,
    borderRadius: 4,
  });
  const cellStyle = { padding: '1px 4px', borderBottom: `1px solid ${theme.grid}`, whiteSpace: 'nowrap' as const };

  return (
    <SpaceBetween size="m">
      <FormField
        label="Fill"
        description="Set Mu and Sigma for a whole weekday, a whole hour, or everything at once."
        errorText={fillErrors.mu ? `Mu: ${fillErrors.mu}` : fillErrors.sigma ? `Sigma: ${fillErrors.sigma}` : undefined}
      >
        <SpaceBetween direction="horizontal" size="xs" alignItems="end">
          <div style={{ minWidth: 240 }}>
            <Select
              ariaLabel="Cells to fill"
              data-testid="periodic-fill-scope"
              disabled={disabled}
              selectedOption={SCOPES.find((s) => s.value === scope) ?? null}
              options={SCOPES.map(({ value, label }) => ({ value, label }))}
              onChange={({ detail }) => setScope(detail.selectedOption.value ?? 'all')}
            />
          </div>
          <div style={{ width: 100 }}>
            <Input
              value={fill.mu}
              ariaLabel="Mu to fill"
              inputMode="decimal"
              disabled={disabled}
              invalid={!!fillErrors.mu}
              data-testid="periodic-fill-mu"
              onChange={({ detail }) => setFill({ ...fill, mu: detail.value })}
            />
          </div>
          <div style={{ width: 100 }}>
            <Input
              value={fill.sigma}
              ariaLabel="Sigma to fill"
              inputMode="decimal"
              disabled={disabled}
              invalid={!!fillErrors.sigma}
              data-testid="periodic-fill-sigma"
              onChange={({ detail }) => setFill({ ...fill, sigma: detail.value })}
            />
          </div>
          <Button onClick={applyFill} disabled={disabled || !!fillErrors.mu || !!fillErrors.sigma} data-testid="periodic-fill">
            Fill
          </Button>
        </SpaceBetween>
      </FormField>
      <Checkbox
        checked={smoothing}
        disabled={disabled}
        onChange={({ detail }) => onSmoothing(detail.checked)}
        data-testid="periodic-smoothing"
        description="Mu moves in a straight line from one hour's value to the next instead of changing on the hour."
      >
        Smoothing
      </Checkbox>
      <FormField
        label="Mu / Sigma records per second, by hour and weekday (local time)"
        description="Each second sends a number of records drawn from a normal distribution with the Mu and Sigma of the current hour and day; a draw below 0 sends nothing."
        errorText={problem}
        stretch
      >
        <div style={{ overflowX: 'auto', maxHeight: 420, overflowY: 'auto' }}>
          <table data-testid="periodic-grid" style={{ borderCollapse: 'collapse', fontSize: 12 }}>
            <caption style={{ position: 'absolute', left: -9999 }}>Mu and Sigma per hour (rows) and weekday (columns)</caption>
            <thead>
              <tr>
                <th scope="col" style={cellStyle}>
                  Hour
                </th>
                {SHORT_DAYS.map((d, day) => (
                  <th key={d} scope="col" style={cellStyle} title={DAY_NAMES[day]}>
                    {d}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.map((row, hour) => (
                <tr key={hour}>
                  <th scope="row" style={{ ...cellStyle, textAlign: 'left' }}>
                    {hourLabel(hour)}
                  </th>
                  {row.map((c, day) => {
                    const where = `${DAY_NAMES[day]} ${hourLabel(hour)}`;
                    const muBad = !!cellProblem(c.mu);
                    const sigmaBad = !!cellProblem(c.sigma);
                    return (
                      <td key={day} style={cellStyle} data-testid={`periodic-cell-${hour}-${day}`}>
                        <input
                          aria-label={`Mu, ${where}`}
                          aria-invalid={muBad}
                          title={muBad ? `Mu: ${cellProblem(c.mu)}` : undefined}
                          inputMode="decimal"
                          disabled={disabled}
                          value={c.mu}
                          style={input(muBad)}
                          onChange={(e) => setCell(hour, day, 'mu', e.target.value)}
                        />
                        <span aria-hidden> / </span>
                        <input
                          aria-label={`Sigma, ${where}`}
                          aria-invalid={sigmaBad}
                          title={sigmaBad ? `Sigma: ${cellProblem(c.sigma)}` : undefined}
                          inputMode="decimal"
                          disabled={disabled}
                          value={c.sigma}
                          style={input(sigmaBad)}
                          onChange={(e) => setCell(hour, day, 'sigma', e.target.value)}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </FormField>
      <FormField
        label="Expected rate over a week"
        description={`Mu with a band of one Sigma either side${smoothing ? ', smoothed' : ''}, from Sunday 00:00 to Saturday 24:00.`}
        stretch
      >
        {problem ? (
          <Box color="text-body-secondary">The preview appears when every cell holds a number.</Box>
        ) : (
          <PeriodicPreviewChart rate={rate} />
        )}
      </FormField>
    </SpaceBetween>
  );
}
