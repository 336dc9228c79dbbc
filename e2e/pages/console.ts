import { expect, test, type Locator, type Page } from '@playwright/test';

/** How long a page may take to appear after navigation: the first page of a test loads the SDK and its chunk, slow on a busy machine. */
export const PAGE_LOAD = { timeout: 30_000 };

/** What every page of the console shares: the top bar, side navigation and notifications. */
export class ConsolePage {
  constructor(readonly page: Page) {}

  /**
   * Records every text the given test ids take, from page load on (a MutationObserver), so a
   * state that lasts half a second (CREATING) is not missed between two polls of the test.
   */
  async recordTexts(testIds: string[]) {
    await this.page.addInitScript((ids: string[]) => {
      const seen: Record<string, string[]> = {};
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      const scan = () => {
        for (const id of ids) {
          const el = document.querySelector(`[data-testid="${id}"]`);
          const t = el?.textContent?.trim();
          if (!t) continue;
          const list = (seen[id] ??= []);
          if (list[list.length - 1] !== t) list.push(t);
        }
      };
      new MutationObserver(scan).observe(document, { subtree: true, childList: true, characterData: true });
    }, testIds);
  }

  async seenTexts(testId: string): Promise<string[]> {
    return this.page.evaluate((id) => (window as unknown as { __seen: Record<string, string[]> }).__seen[id] ?? [], testId);
  }

  async open(hash = '') {
    await this.page.goto(`/${hash}`);
  }

  get modeIndicator(): Locator {
    return this.page.getByRole('button', { name: /^Mode: Emulated/ });
  }

  get notifications(): Locator {
    return this.page.getByTestId('notifications');
  }

  /** An error notification showing AWS's error type and message. */
  async expectErrorNotification(type: string, message: string | RegExp) {
    const flash = this.notifications.locator('[data-testid="notification-error"]').first();
    await expect(flash).toContainText(message);
    await expect(this.notifications).toContainText(type);
  }

  /**
   * A screenshot of the viewport (full-page captures resize the viewport, which makes the
   * layout collapse its navigation), scrolled to `focus` when given.
   */
  async screenshot(name: string, focus?: Locator) {
    if (focus) await focus.scrollIntoViewIfNeeded();
    else await this.page.evaluate(() => window.scrollTo(0, 0));
    // A screenshot is an artifact to look at, not an assertion: a renderer too busy to paint in time
    // (a loaded machine) notes the miss rather than failing the behaviour under test.
    try {
      await this.page.screenshot({ path: `${test.info().project.outputDir}/screens/${name}.png`, timeout: 30_000 });
    } catch (e) {
      test.info().annotations.push({ type: 'screenshot skipped', description: `${name}: ${(e as Error).message.split('\n')[0]}` });
    }
  }

  /** The native input inside a Cloudscape Input or Textarea with this test id. */
  field(testId: string): Locator {
    return this.page.getByTestId(testId).locator('input, textarea').first();
  }

  /** The top bar's Display menu: its Dark mode and Presentation mode items tick on and off. */
  get displayMenu(): Locator {
    return this.page.getByRole('button', { name: /^Display settings/ });
  }

  /** Switches the theme from the top bar's Display menu. */
  async useTheme(theme: 'light' | 'dark') {
    await this.displayMenu.click();
    const item = this.page.getByRole('menuitemcheckbox', { name: 'Dark mode' });
    if ((await item.getAttribute('aria-checked')) === String(theme === 'dark')) await this.page.keyboard.press('Escape');
    else await item.click();
    await expect(this.displayMenu).toHaveAccessibleName(new RegExp(`^Display settings: ${theme} theme`));
  }

  /** Sets the emulator clock's speed from the top bar (0.1 = slow motion). */
  async clockSpeed(speed: number) {
    await this.page.getByRole('button', { name: /^Emulator clock/ }).click();
    await this.page.getByRole('menuitem', { name: new RegExp(`^Run at ${speed.toString().replace('.', '\\.')}× speed`) }).click();
    await expect(this.page.getByRole('button', { name: new RegExp(`^Emulator clock, running at ${speed.toString().replace('.', '\\.')} times`) })).toBeVisible();
  }

  get clockButton(): Locator {
    return this.page.getByRole('button', { name: /^Emulator clock/ });
  }

  /** The emulator's date and time shown in the top bar ("2026-12-02 14:05:09", local time), as epoch ms. */
  async emulatorTime(): Promise<number> {
    const text = (await this.clockButton.textContent()) ?? '';
    const m = /(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)/.exec(text);
    if (!m) throw new Error(`no date and time in the clock button: ${JSON.stringify(text)}`);
    const [y, mo, d, h, mi, se] = m.slice(1).map(Number);
    return new Date(y, mo - 1, d, h, mi, se).getTime();
  }

  /**
   * The emulator's time read the moment the top bar's clock ticks: the bar redraws once a wall
   * second, so a plain read can be a wall second stale (a whole emulated minute at 60x).
   */
  async freshEmulatorTime(): Promise<number> {
    const before = (await this.clockButton.textContent()) ?? '';
    await expect(this.clockButton).not.toHaveText(before, { timeout: 5_000 });
    return this.emulatorTime();
  }

  /** Skips the emulator clock ahead from the top bar's clock menu. */
  async skipAhead(minutes: 1 | 6) {
    await this.clockButton.click();
    await this.page.getByRole('menuitem', { name: new RegExp(`^Skip ahead ${minutes} minutes?`) }).click();
  }

  /** Replaces the text of the code editor with this test id as a person pasting would (select all, paste). */
  async pasteInto(testId: string, text: string) {
    const editor = this.page.getByTestId(testId).locator('.monaco-editor').first();
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.page.keyboard.press('ControlOrMeta+V');
  }

  /** Picks an option of a Cloudscape Select. */
  async choose(testId: string, option: string | RegExp) {
    await this.page.getByTestId(testId).getByRole('button').first().click();
    await this.page.getByRole('option', { name: option }).first().click();
  }
}
