import { expect, type Locator } from '@playwright/test';
import { ConsolePage } from './console';

export interface AwsConnection {
  region?: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  endpoint?: string;
  /** Per-service endpoints: kinesis, firehose, s3, cloudwatch, analytics. */
  endpoints?: Partial<Record<ServiceKey, string>>;
}

export type ServiceKey = 'kinesis' | 'firehose' | 's3' | 'cloudwatch' | 'analytics';

/** The connection settings panel, opened from the mode indicator in the top bar. */
export class ConnectionPanel extends ConsolePage {
  /** The mode indicator, whatever the mode. */
  get indicator(): Locator {
    return this.page.getByRole('button', { name: /^Mode: / });
  }

  get panel(): Locator {
    return this.page.getByTestId('connection-settings');
  }

  get result(): Locator {
    return this.page.getByTestId('connection-test-result');
  }

  get clockMenu(): Locator {
    return this.page.getByRole('button', { name: /^Emulator clock/ });
  }

  async openSettings() {
    await this.indicator.click();
    await expect(this.page.getByRole('heading', { name: 'Connection settings' })).toBeVisible();
  }

  async chooseMode(mode: 'Emulated' | 'AWS') {
    await this.page.getByTestId('connection-mode').getByText(mode, { exact: true }).click();
  }

  async fillAws(c: AwsConnection) {
    await this.chooseMode('AWS');
    if (c.region) await this.choose('connection-region', new RegExp(`^${c.region}`));
    await this.field('connection-access-key-id').fill(c.accessKeyId);
    await this.field('connection-secret-access-key').fill(c.secretAccessKey);
    await this.field('connection-session-token').fill(c.sessionToken ?? '');
    await this.field('connection-endpoint').fill(c.endpoint ?? '');
    for (const [service, endpoint] of Object.entries(c.endpoints ?? {})) await (await this.serviceEndpoint(service as ServiceKey)).fill(endpoint);
  }

  /** One service's own endpoint field, under "Endpoint per service" (opened if it is closed). */
  async serviceEndpoint(service: ServiceKey): Promise<Locator> {
    const input = this.field(`connection-endpoint-${service}`);
    if (!(await input.isVisible())) await this.page.getByTestId('connection-service-endpoints').getByText('Endpoint per service').click();
    await expect(input).toBeVisible();
    return input;
  }

  /** One service's line in the connection test's result. */
  serviceResult(service: ServiceKey): Locator {
    return this.page.getByTestId(`connection-test-${service}`);
  }

  /** The IAM policy generator, opened. */
  async openPolicy() {
    await this.page.getByTestId('policy-generator').getByText('IAM policy for these credentials').click();
    await expect(this.field('policy-accountId')).toBeVisible();
  }

  get policyJson(): Locator {
    return this.page.getByTestId('policy-json');
  }

  /** The "Paste credentials" text area. */
  get paste(): Locator {
    return this.field('connection-paste');
  }

  /** Pastes text into it at once, as a person pasting would. */
  async pasteCredentials(text: string) {
    await this.chooseMode('AWS');
    await this.paste.fill(text);
  }

  async forget() {
    await this.page.getByTestId('connection-forget').click();
    await expect(this.page.getByTestId('connection-forgotten')).toBeVisible();
  }

  async testConnection() {
    await this.page.getByTestId('connection-test').click();
    await expect(this.result).toBeVisible();
  }

  async save() {
    await this.page.getByTestId('connection-save').click();
    await expect(this.page.getByRole('heading', { name: 'Connection settings' })).toBeHidden();
  }

  /** Opens the panel, picks the emulator and saves. */
  async switchToEmulated() {
    await this.openSettings();
    await this.chooseMode('Emulated');
    await this.save();
    await expect(this.indicator).toHaveText('Emulated');
  }
}
