import { expect, test } from '@playwright/test';
import { Studio } from './studio';
import { TrainingPanelPage } from './training-helpers';

test('an Input of shape None takes e-mails of any length and trains, each batch padded to its longest text', async ({
  page,
}) => {
  test.setTimeout(240_000); // one epoch on the CPU backend and the test split's evaluation, on a busy machine
  const studio = new Studio(page);
  await studio.open();
  await studio.openTemplate('LSTM text classifier');
  await expect(studio.node('embedding')).toContainText('(None, 100, 32)');

  // The person types None into the Input's shape: every sequence axis downstream becomes None.
  await studio.select('input');
  await page.getByRole('tab', { name: 'Layer' }).click();
  const shape = page.getByLabel('shape', { exact: true });
  await shape.fill('None');
  await shape.press('Enter');
  await expect(studio.node('input')).toContainText('(None, None)');
  await expect(studio.node('embedding')).toContainText('(None, None, 32)');
  // No layer keeps the old fixed length of 100 (the LSTM, and any layer after it, follows the Embedding).
  await expect(studio.canvas.locator('.layer-node').filter({ hasText: '100,' })).toHaveCount(0);
  await expect(studio.node('dense')).toContainText('(None, 2)');

  const train = new TrainingPanelPage(page);
  await train.openTab();
  await expect(
    train.panel.getByRole('status').filter({ hasText: 'The dataset fits the model.' }),
  ).toContainText('Texts of any length: each batch is padded only to its longest text (at most 100 tokens).');
  await train.configure({ backend: 'cpu', epochs: 1, samples: 256, batchSize: 64, learningRate: 0.01 });
  await train.button('Train').click();
  await expect(train.backend).toHaveText('cpu', { timeout: 30_000 });
  await expect(train.epochs).toHaveCount(1, { timeout: 100_000 });
  const [loss] = await train.epochLosses();
  expect(loss).toBeGreaterThan(0);
  expect(loss).toBeLessThan(2);
  await expect(train.button('Train')).toBeEnabled();
  await expect(train.alert).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('variable-length-trained.png') });

  // Try it: a typed e-mail of any length gets two class probabilities that sum to 1.
  await page.getByRole('tab', { name: 'Evaluate' }).click();
  // The test split (586 e-mails) is evaluated batch by batch, each cut to its longest e-mail.
  await expect(page.getByRole('region', { name: 'Evaluation' })).toContainText(/Test accuracy: \d+/, {
    timeout: 90_000,
  });
  const tryIt = page.getByRole('region', { name: 'Try it' });
  await tryIt.getByLabel('Sentence', { exact: true }).fill('Claim your free prize money now');
  await tryIt.getByRole('button', { name: 'Predict', exact: true }).click();
  const probabilities = tryIt.getByRole('list', { name: 'Probabilities' }).getByRole('listitem');
  await expect(probabilities).toHaveCount(2);
  const values = await probabilities.evaluateAll((items) => items.map((i) => Number(i.dataset.probability)));
  expect(values[0] + values[1]).toBeCloseTo(1, 4);

  // A fixed length that disagrees with the data is named, with its fix; None is what lets any length through.
  await studio.select('input');
  await page.getByRole('tab', { name: 'Layer' }).click();
  await shape.fill('40');
  await shape.press('Enter');
  await train.openTab();
  await expect(
    train.panel.getByText(
      'Each sample is (100,), but the Input "input" expects (40,): the model would get (None, 100).',
    ),
  ).toBeVisible();
});
