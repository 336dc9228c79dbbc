import { expect, type Locator } from '@playwright/test';
import { GeneratorPage } from './generator';

/** The Generator page's rate modes: Constant or Periodic (a 24 x 7 grid of Mu / Sigma), and simulated time (backfill). */
export class GeneratorRatePage extends GeneratorPage {
  async rateMode(mode: 'Constant' | 'Periodic') {
    await this.page.getByTestId('rate-mode').getByRole('button', { name: mode, exact: true }).click();
  }

  get grid(): Locator {
    return this.page.getByTestId('periodic-grid');
  }

  /** The Mu or Sigma input of one cell (day 0 = Sunday). */
  cell(kind: 'Mu' | 'Sigma', day: string, hour: number): Locator {
    return this.grid.getByRole('textbox', { name: `${kind}, ${day} ${String(hour).padStart(2, '0')}:00` });
  }

  /** Fills Mu and Sigma into every cell, a weekday's column ("Sunday") or an hour's row (9). */
  async fill(where: 'all' | string | number, mu: number, sigma: number) {
    const option =
      where === 'all'
        ? 'Every hour of every day'
        : typeof where === 'number'
          ? `${String(where).padStart(2, '0')}:00 on every day (a row)`
          : `${where} (a column)`;
    await this.choose('periodic-fill-scope', option);
    await this.field('periodic-fill-mu').fill(String(mu));
    await this.field('periodic-fill-sigma').fill(String(sigma));
    await this.page.getByTestId('periodic-fill').click();
  }

  get preview(): Locator {
    return this.page.getByTestId('periodic-preview');
  }

  /** Turns simulated time on with a range typed as `YYYY-MM-DD HH:mm:ss` (local time). */
  async backfill(start: string, end: string, simulatedDates = false) {
    const toggle = this.page.getByTestId('backfill-toggle').locator('input');
    if (!(await toggle.isChecked())) await toggle.check();
    await this.field('backfill-start').fill(start);
    await this.field('backfill-end').fill(end);
    const dates = this.page.getByTestId('backfill-simulated-dates').locator('input');
    if ((await dates.isChecked()) !== simulatedDates) await dates.click();
  }

  get progress(): Locator {
    return this.page.getByTestId('backfill-progress');
  }

  /** A figure of the run panel as a number: "50.0/s" -> 50. */
  async figure(testId: 'stat-mu' | 'stat-sigma' | 'stat-expected' | 'stat-rate' | 'backfill-percent' | 'backfill-wall-rate'): Promise<number> {
    const text = (await this.page.getByTestId(testId).textContent()) ?? '';
    return Number(text.replace(/[^\d.]/g, ''));
  }

  /** The run's elapsed time ("0:10") in seconds. */
  async elapsedSeconds(): Promise<number> {
    const [m, sec] = ((await this.page.getByTestId('stat-elapsed').textContent()) ?? '').split(':').map(Number);
    return m * 60 + sec;
  }

  async expectSending() {
    await expect(this.status).toContainText(/Sending|Backfilling/);
  }
}
