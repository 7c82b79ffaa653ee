import { expect, test } from '@playwright/test';
import { openReferenceCnn as setUp } from './training-helpers';

test('the reference CNN trains on WebGPU (software adapter) and its loss falls', async ({ page }) => {
  const train = await setUp(page);
  await train.configure({ backend: 'webgpu', epochs: 3, samples: 48 });
  await train.button('Train').click();
  await expect(train.backend).toHaveText('webgpu', { timeout: 30_000 });
  await expect(train.epochs).toHaveCount(3, { timeout: 90_000 });
  const losses = await train.epochLosses();
  expect(losses[2]).toBeLessThan(losses[0]);
  await expect(train.button('Train')).toBeEnabled();
  await expect(train.alert).toHaveCount(0);
});

test('automatic backend: measured, named, pausable and stoppable', async ({ page }) => {
  const train = await setUp(page);
  // Enough epochs that the run is still going when it is paused, even on a fast backend (WASM: < 1 s per epoch).
  await train.configure({ backend: 'auto', epochs: 1000, samples: 512, batchSize: 32 });
  await train.button('Train').click();
  await expect(train.backend).toHaveText(/^(webgpu|webgl|wasm|cpu)$/, { timeout: 60_000 });
  const speeds = train.panel.getByRole('table', { name: 'Backend speeds' }).getByRole('row');
  await expect(speeds).toHaveCount(4);
  await expect.poll(() => train.epochs.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  expect((await train.epochLosses())[1]).toBeLessThan((await train.epochLosses())[0]);
  await page.screenshot({ path: 'test-results/training-panel.png' });
  await train.button('Pause').click();
  await expect(train.button('Resume')).toBeVisible();
  await expect(train.progress).toHaveText(/^Paused/);
  const at = await train.batch();
  await page.waitForTimeout(700);
  expect(await train.batch()).toBe(at);
  await train.button('Resume').click();
  await expect(train.progress).not.toHaveText(/Paused/);
  await expect.poll(() => train.batch(), { timeout: 20_000 }).not.toBe(at);
  await train.button('Stop').click();
  await expect(train.button('Train')).toBeEnabled();
  await expect(train.button('Pause')).toBeDisabled();
  const stoppedAt = await train.batch();
  await page.waitForTimeout(500);
  expect(await train.batch()).toBe(stoppedAt);
  await expect(train.alert).toHaveCount(0);
});

test('a reload mid-run offers Resume and continues from the saved epoch', async ({ page }) => {
  const train = await setUp(page);
  await train.configure({ backend: 'cpu', epochs: 4, samples: 160 });
  await train.button('Train').click();
  // At least one epoch (and its checkpoint) is saved; on a fast machine a second may land before the reload.
  await expect.poll(() => train.epochs.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  const first = await train.epochs.first().textContent();
  await page.reload();
  await train.openTab();
  const offer = train.panel.getByRole('region', { name: 'Interrupted run' });
  await expect(offer).toContainText(/interrupted after epoch [123] of 4/);
  await train.button('Resume').click();
  // Before its first batch the resumed run says it is starting, never "batch 0/0".
  await expect(train.progress).toHaveText(/^Epoch [234]\/4 · (starting…|batch [1-9])/);
  await expect(train.epochs.first()).toHaveText(first!);
  await expect(train.epochs).toHaveCount(4, { timeout: 90_000 });
  await expect(train.alert).toHaveCount(0);
  // A finished run keeps its last batch on the progress line.
  await expect(train.progress).toHaveText(/^Epoch 4\/4 · batch (\d+)\/\1 /);
});
