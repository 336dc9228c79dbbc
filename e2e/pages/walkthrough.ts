import { expect, type Locator } from '@playwright/test';
import { ConsolePage, PAGE_LOAD } from './console';

/** The Workshop page (Activities 1-3 step by step) and the walkthrough panel beside every page. */
export class WalkthroughPage extends ConsolePage {
  async goto() {
    await this.open('#/workshop');
    await expect(this.page.getByRole('heading', { name: /^Workshop/, level: 1 })).toBeVisible(PAGE_LOAD);
  }

  /** A step's section on the Workshop page ("1-A"). */
  step(id: string): Locator {
    return this.page.getByTestId(`workshop-step-${id}`);
  }

  /** done, current or waiting (the status text carries it as data-state). */
  async state(id: string): Promise<string | null> {
    return this.page.getByTestId(`step-status-${id}`).first().getAttribute('data-state');
  }

  async expectDone(id: string, timeout = 20_000) {
    await expect(this.page.getByTestId(`step-status-${id}`).first()).toHaveAttribute('data-state', 'done', { timeout });
  }

  check(id: string): Locator {
    return this.page.getByTestId(`step-check-${id}`).first();
  }

  async markDone(id: string) {
    await this.page.getByTestId(`mark-done-${id}`).first().click();
  }

  get progress(): Locator {
    return this.page.getByTestId('workshop-progress');
  }

  async resetProgress() {
    await this.page.getByTestId('reset-progress').click();
    await this.page.getByTestId('confirm-reset-progress').click();
  }

  /** Opens the panel from the top bar's Walkthrough button. */
  async openPanel() {
    await this.page.getByRole('button', { name: 'Open the workshop walkthrough' }).first().click();
    await expect(this.panel).toBeVisible();
  }

  get panel(): Locator {
    return this.page.getByTestId('walkthrough-panel');
  }

  /** "Catch me up to step N": picks the step, confirms the plan. */
  async catchUpTo(id: string) {
    // The section is folded by default.
    if (!(await this.page.getByTestId('catch-up-select').isVisible()))
      await this.page.getByRole('button', { name: /^For instructors and late arrivals/ }).click();
    await this.choose('catch-up-select', new RegExp(`^${id} `));
    await this.page.getByTestId('catch-up-button').click();
    await expect(this.page.getByTestId('catch-up-plan')).toBeVisible();
    await this.page.getByTestId('confirm-catch-up').click();
  }

  /** A step's line in the catch-up's progress (its data-state: waiting, working, done, failed). */
  catchUpLine(id: string): Locator {
    return this.page.getByTestId(`catch-up-${id}`);
  }

  /** "Do this step for me" on the Workshop page. */
  doIt(id: string): Locator {
    return this.step(id).getByTestId(`do-it-${id}`);
  }

  /** Picks a scenario on the Workshop page ("CloudTrail: API calls per source IP"). */
  async chooseScenario(label: string) {
    await this.choose('scenario-select', label);
    await expect(this.page.getByTestId('scenario-select')).toContainText(label);
  }

  get panelStep(): Locator {
    return this.page.getByTestId('walkthrough-current-step');
  }
}
