import { expect, type Locator } from '@playwright/test';
import { ConsolePage, PAGE_LOAD } from './console';

/** The Data generator page: template, preview, destination, rate, Send/Stop and live counters. */
export class GeneratorPage extends ConsolePage {
  async goto(stream?: string) {
    await this.open(`#/generator${stream ? `?stream=${encodeURIComponent(stream)}` : ''}`);
    await expect(this.page.getByRole('heading', { name: 'Data generator', level: 1 })).toBeVisible(PAGE_LOAD);
  }

  /** The record template's code editor. */
  get template(): Locator {
    return this.page.getByTestId('template-input');
  }

  /** Replaces the template as a person pasting would, then waits until it is checked and sampled. */
  async setTemplate(text: string) {
    await expect(this.template.locator('.monaco-editor')).toBeVisible(PAGE_LOAD);
    await this.pasteInto('template-input', text);
    await this.waitChecked();
  }

  /** Waits until the template shown has been checked (problems, markers, samples follow the typing a moment later). */
  async waitChecked() {
    await expect(this.page.getByTestId('template-samples')).toHaveAttribute('aria-busy', 'false');
  }

  /** The template's text as the editor shows it (its lines in order; the editor draws spaces as no-break spaces). */
  async templateText(): Promise<string> {
    return this.template.locator('.view-lines').evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>('.view-line')]
        .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
        .map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '))
        .join('\n'),
    );
  }

  /** The editor's markers as Monaco draws them: squiggles under errors and warnings. */
  get errorMarkers(): Locator {
    return this.template.locator('.squiggly-error');
  }

  get warningMarkers(): Locator {
    return this.template.locator('.squiggly-warning');
  }

  /** The suggestion list the editor opens while typing a helper. */
  get suggestions(): Locator {
    return this.template.locator('.suggest-widget .monaco-list-row');
  }

  get templateError(): Locator {
    return this.page.getByTestId('template-error');
  }

  /** Samples with this seed, or (without one) new samples with the next seed. */
  async testTemplate(seed?: number) {
    if (seed !== undefined) await this.field('seed-input').fill(String(seed));
    else await this.page.getByTestId('test-template').click();
    await this.waitChecked();
    await expect(this.page.getByTestId('preview')).toContainText(`seed ${seed ?? ''}`);
  }

  get previewRecords(): Locator {
    return this.page.getByTestId('preview-record');
  }

  async pickStream(name: string) {
    await this.choose('stream-select', new RegExp(`^${name}`));
  }

  async setRate(rate: string) {
    await this.field('rate-input').fill(rate);
  }

  get sendButton(): Locator {
    return this.page.getByTestId('send-button');
  }

  get stopButton(): Locator {
    return this.page.getByTestId('stop-button');
  }

  get status(): Locator {
    return this.page.getByTestId('run-status');
  }

  /** A live counter as a number (`stat-acknowledged` shows "2,000"). */
  async counter(name: 'acknowledged' | 'failed' | 'retried' | 'pending' | 'rendered' | 'dropped'): Promise<number> {
    const text = await this.page.getByTestId(`stat-${name}`).textContent();
    return Number((text ?? '').replace(/[^\d]/g, ''));
  }

  get cli(): Locator {
    return this.page.getByTestId('generator-cli');
  }
}
