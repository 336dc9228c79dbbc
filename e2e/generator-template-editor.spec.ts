import { expect, test } from '@playwright/test';
import { GeneratorPage } from './pages/generator';
import { StreamDetailPage } from './pages/streamDetail';
import { StreamsListPage } from './pages/streams';

// The record template in a code editor: problems marked where they are, helpers completed from
// the generator's own list, samples that follow the typing, and a run with the edited template.

test('an unknown helper is underlined on its line, with the message on hover and below the editor', async ({ page }) => {
  const gen = new GeneratorPage(page);
  await gen.goto();
  await gen.setTemplate('{\n  "a": {{random.nope}}\n}');
  await expect(gen.templateError).toContainText('Line 2, column 10: Unknown helper "random.nope"');
  await expect(gen.errorMarkers).toHaveCount(1);

  // The squiggle sits on line 2 of the editor.
  const lines = gen.template.locator('.view-line');
  await expect(lines).toHaveCount(3);
  const tops = (await lines.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top))).sort((a, b) => a - b);
  const squiggle = (await gen.errorMarkers.first().boundingBox())!;
  expect(squiggle.y).toBeGreaterThanOrEqual(tops[1] - 1);
  expect(squiggle.y).toBeLessThan(tops[2]);

  // the text above the squiggle takes the pointer: hover the squiggle's place
  await page.mouse.move(squiggle.x + squiggle.width / 2, squiggle.y + squiggle.height / 2);
  await expect(page.locator('.monaco-hover').filter({ hasText: 'Unknown helper "random.nope"' }).first()).toBeVisible();
  await gen.screenshot('template-editor-marker', gen.template);

  // Fixed, the marker goes; JSON that is not quite JSON gets a warning marker instead.
  await gen.setTemplate('{\n  "a": "{{random.uuid}}",\n}');
  await expect(gen.errorMarkers).toHaveCount(0);
  await expect(gen.templateError).toHaveCount(0);
  await expect(page.getByTestId('template-json-warning')).toContainText('line 3, column 1 of the template');
  await expect(gen.warningMarkers).toHaveCount(1);
});

test('typing {{random. lists the random helpers; choosing one inserts it with example arguments and the samples follow', async ({ page }) => {
  const gen = new GeneratorPage(page);
  await gen.goto();
  await expect(gen.template.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await gen.template.locator('.monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // The editor closes brackets and quotes as they are typed; typing over a closing one moves past it.
  await page.keyboard.type('{"n": {{random.');
  await expect(gen.suggestions.filter({ hasText: 'random.number' }).first()).toBeVisible();
  await expect(gen.suggestions.filter({ hasText: 'random.arrayElement' }).first()).toBeVisible();
  await expect(gen.suggestions.filter({ hasText: 'date.now' })).toHaveCount(0);
  await gen.screenshot('template-editor-completion', gen.template);

  await page.keyboard.type('numb');
  await page.keyboard.press('Enter');
  await expect.poll(() => gen.templateText()).toBe('{"n": {{random.number({"min":0,"max":100})}}}');
  await gen.waitChecked();
  await expect(gen.previewRecords).toHaveCount(5);
  for (const r of await gen.previewRecords.allTextContents()) expect(JSON.parse(r).n).toBeLessThanOrEqual(100);

  // The example argument is selected: typing replaces it, and the samples follow.
  await page.keyboard.type('7');
  await expect.poll(() => gen.templateText()).toBe('{"n": {{random.number(7)}}}');
  await gen.waitChecked();
  await expect(gen.previewRecords.first()).toHaveText(/^\{"n": [0-7]\}$/);

  // Escape then Tab leaves the editor.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(gen.template.locator('.monaco-editor')).not.toHaveClass(/focused/);
});

test('records from an edited template are sent and acknowledged', async ({ page }) => {
  const STREAM = 'template-editor-stream';
  const list = new StreamsListPage(page);
  await list.open('#/create-stream');
  await list.fillCreate(STREAM, 1);
  await list.submitCreate();
  await new StreamDetailPage(page).waitActive();

  const gen = new GeneratorPage(page);
  await gen.goto(STREAM);
  await gen.setTemplate('{"id": "{{random.uuid}}",\n "level": "{{random.arrayElement(["OK","FAIL"])}}"}');
  await expect(gen.templateError).toHaveCount(0);
  await expect(gen.previewRecords.first()).toContainText('"level"');
  await gen.field('limit-input').fill('300');
  await gen.setRate('300');
  await gen.sendButton.click();
  await expect(gen.status).toContainText('Completed', { timeout: 20_000 });
  expect(await gen.counter('acknowledged')).toBe(300);
});
