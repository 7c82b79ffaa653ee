import { expect, test } from '@playwright/test';
import { Studio } from './studio';
import { TrainingPanelPage } from './training-helpers';

test('live charts, evaluation with a clickable confusion matrix, Try-it drawing, and two runs overlaid', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const studio = new Studio(page);
  await studio.open();
  await studio.openTemplate('CNN for MNIST digits');
  const train = new TrainingPanelPage(page);
  await train.open();
  // WASM, as a person's browser would pick: the Evaluate tab predicts all 10,000 MNIST test digits, which the
  // plain-JS CPU backend takes over a minute for on a busy machine.
  await train.configure({ backend: 'wasm', epochs: 3, samples: 640, batchSize: 32 });
  await train.button('Train').click();

  // The charts fill while the run is going.
  await page.getByRole('tab', { name: 'Runs' }).click();
  const loss = page.getByRole('figure', { name: 'Loss chart' });
  const accuracy = page.getByRole('figure', { name: 'Accuracy chart' });
  const points = async () => Number(await loss.getAttribute('data-points'));
  await expect.poll(points, { timeout: 60_000 }).toBeGreaterThan(0);
  const early = await points();
  await expect.poll(points, { timeout: 60_000 }).toBeGreaterThan(early);
  await expect(loss.locator('svg path.recharts-curve').first()).toBeVisible();
  await expect.poll(async () => Number(await accuracy.getAttribute('data-points'))).toBeGreaterThan(0);

  // When the run ends, the Evaluate tab shows the test accuracy and the confusion matrix.
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(train.button('Train')).toBeEnabled({ timeout: 120_000 });
  await page.getByRole('tab', { name: 'Evaluate' }).click();
  const evaluation = page.getByRole('region', { name: 'Evaluation' });
  await expect(evaluation.getByText(/Test accuracy: \d+(\.\d)?%/)).toBeVisible({ timeout: 60_000 });
  const matrix = evaluation.getByRole('group', { name: 'Confusion matrix' });
  const cell = matrix.getByRole('button', { name: /samples?: true 1, predicted 1/ });
  await cell.click();
  const listed = page.getByRole('region', { name: 'Samples in the selected cell' });
  await expect(listed.getByRole('img').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/evaluation.png', fullPage: true });

  // Draw a "1" on the pad: ten probabilities that sum to 1.
  const pad = page.getByLabel('Drawing pad: draw a digit');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.8, { steps: 15 });
  await page.mouse.up();
  const probabilities = page.getByRole('list', { name: 'Probabilities' }).getByRole('listitem');
  await expect(probabilities).toHaveCount(10);
  const values = await probabilities.evaluateAll((items) =>
    items.map((i) => Number(i.getAttribute('data-probability'))),
  );
  expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);

  // A second run: both runs overlaid on the same charts, each in the legend.
  await page.getByRole('tab', { name: 'Train' }).click();
  await train.configure({ backend: 'cpu', epochs: 1, samples: 320, batchSize: 32, learningRate: 0.001 });
  await train.button('Train').click();
  await expect(train.button('Train')).toBeEnabled({ timeout: 120_000 });
  await page.getByRole('tab', { name: 'Runs' }).click();
  const runs = page.getByRole('table', { name: 'Runs' }).getByRole('row');
  await expect(runs).toHaveCount(3);
  for (const box of await page.getByRole('checkbox', { name: /^Overlay / }).all()) await box.check();
  await expect(page.getByRole('list', { name: 'Loss legend' }).locator('li:not(.chart__key)')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/runs-overlay.png', fullPage: true });
});
