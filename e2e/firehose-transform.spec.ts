import { expect, test } from '@playwright/test';
import { FirehosePage } from './pages/firehose';

// Record transformation: a delivery stream whose records pass through a function written in the
// console (the emulator's stand-in for Lambda) before they are written to S3.
const DELIVERY = 'upper-delivery';
const FUNCTION = 'upper-or-fail';
// One line: Monaco's auto-indent leaves a pasted single line as it is.
const SOURCE =
  "export const handler = async (event) => ({ records: event.records.map((r) => { const text = Buffer.from(r.data, 'base64').toString('utf8'); if (text.includes('bad')) throw new Error('bad record'); return { recordId: r.recordId, result: 'Ok', data: Buffer.from(text.toUpperCase()).toString('base64') }; }) });";

test('create a delivery stream with a new transformation function: Lambda errors by the field, nothing typed lost; the detail shows the function and edits it', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const fh = new FirehosePage(page);

  await fh.gotoCreate();
  await fh.fillCreate({ name: DELIVERY, bucket: 'transform-bucket', interval: '60' });
  await expect(page.getByTestId('function-editor')).toHaveCount(0);

  // A name Lambda refuses: its ValidationException under the name; no delivery stream is made.
  await fh.writeFunction({ name: 'has space', timeout: '5', source: SOURCE });
  await fh.submitCreate();
  await expect(fh.fieldError('function-name')).toContainText('ValidationException');
  await expect(fh.fieldError('function-name')).toContainText("at 'functionName'");
  await expect(fh.nameInput()).toHaveValue(DELIVERY);
  await expect(fh.field('function-timeout-input')).toHaveValue('5');
  await expect(fh.functionEditorLines).toContainText("text.includes('bad')");
  await fh.screenshot('transform-create-error', page.getByTestId('function-name-input'));

  await fh.field('function-name-input').fill(FUNCTION);
  await expect(fh.fieldError('function-name')).toHaveCount(0);
  await fh.screenshot('transform-create-form', page.getByTestId('transform-toggle'));
  await fh.submitCreate();

  await fh.waitActive(DELIVERY);
  await expect(fh.transform('status')).toHaveText('Enabled');
  await expect(fh.transform('arn')).toHaveText(`arn:aws:lambda:us-east-1:000000000000:function:${FUNCTION}`);
  await expect(fh.transform('function')).toHaveText(FUNCTION);
  await expect(fh.transform('timeout')).toHaveText('5 seconds');
  await page.getByRole('button', { name: 'Function code' }).click();
  await expect(fh.transform('source')).toHaveText(SOURCE);
  await fh.screenshot('transform-detail', page.getByTestId('transform-details'));

  // Edit: the same function, put again with a new timeout.
  await page.getByTestId('edit-function').click();
  const modal = page.getByTestId('edit-function-modal');
  await expect(modal.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await modal.getByTestId('edit-function-timeout-input').locator('input').fill('10');
  await modal.getByTestId('save-function').click();
  await expect(modal).toBeHidden();
  await expect(fh.transform('timeout')).toHaveText('10 seconds');
  await expect(fh.transform('source')).toHaveText(SOURCE);
  expect(pageErrors).toEqual([]);
});
