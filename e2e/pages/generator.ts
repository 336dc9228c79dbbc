import { expect, type Locator } from '@playwright/test';
import { ConsolePage, PAGE_LOAD } from './console';

/** The Data generator page: template, preview, destination, rate, Send/Stop and live counters. */
export class GeneratorPage extends ConsolePage {
  async goto(stream?: string) {
    await this.open(`#/generator${stream ? `?stream=${encodeURIComponent(stream)}` : ''}`);
    await expect(this.page.getByRole('heading', { name: 'Data generator', level: 1 })).toBeVisible(PAGE_LOAD);
  }

  get template(): Locator {
    return this.field('template-input');
  }

  async setTemplate(text: string) {
    await this.template.fill(text);
  }

  get templateError(): Locator {
    return this.page.getByTestId('template-error');
  }

  async testTemplate(seed?: number) {
    if (seed !== undefined) await this.field('seed-input').fill(String(seed));
    await this.page.getByTestId('test-template').click();
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
