import { expect, type Page, test } from '@playwright/test';
import { E2E_PORT, E2E_TOKEN } from './env';
import { Studio } from './studio';

/** The number in the Play panel's "Average return (last 100)" status (NaN before the first episode). */
async function averageReturn(page: Page): Promise<number> {
  const text = await page.getByRole('status', { name: 'Average return (last 100)' }).textContent();
  return Number((text ?? '').replace(/,/g, ''));
}

test('the CartPole template trains by REINFORCE, its return rises, and the Play panel animates the agent', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const studio = new Studio(page);
  await studio.open();
  await studio.openTemplate('CartPole policy (REINFORCE)');
  await expect(studio.canvas.getByText('(None, 2)').first()).toBeVisible();

  const playTab = page.getByRole('tab', { name: 'Play' });
  await playTab.click();
  const play = page.getByRole('region', { name: 'Play' });
  await expect(play.getByRole('combobox', { name: 'Game' })).toHaveValue('cartpole');
  await expect(play.getByText('The network fits the game.')).toBeVisible();

  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('button', { name: 'Train', exact: true }).click();

  await playTab.click();
  await expect(play.getByRole('figure', { name: 'Return chart' })).toBeVisible();
  // The moving average climbs past 195 as the policy learns to balance, far above where it started (a random
  // policy lasts ~20 steps).
  await expect.poll(() => averageReturn(page), { timeout: 180_000 }).toBeGreaterThanOrEqual(195);
  const rise = (await play.getByLabel('Return progress').textContent()) ?? '';
  const [first, last] = [...rise.matchAll(/average ([\d.,]+)|last 100: ([\d.,]+)/g)].map((m) =>
    Number((m[1] ?? m[2]).replace(/,/g, '')),
  );
  expect(first).toBeLessThan(100);
  expect(last).toBeGreaterThan(first * 3);
  await page.screenshot({ path: test.info().outputPath('play-cartpole-training.png') });

  await page.getByRole('tab', { name: 'Train' }).click();
  // Stop it here (unless all its epochs are already done): the trained policy stays in the worker.
  const stop = page.getByRole('button', { name: 'Stop', exact: true });
  // (the run may end by itself between the check and the click: then there is nothing left to stop).
  if (await stop.isEnabled()) await stop.click({ timeout: 5_000 }).catch(() => expect(stop).toBeDisabled());
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({ timeout: 30_000 });
  await playTab.click();

  // The player asks the trained network for each move: the step counter runs and the canvas changes.
  const player = play.getByRole('region', { name: 'Game player' });
  const canvas = player.getByRole('img', { name: 'CartPole played by the current policy' });
  const before = await canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());
  await player.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(player.locator('output')).toHaveText(/Step (1\d|[2-9]\d|\d{3,})\b/, { timeout: 20_000 });
  await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL())).not.toBe(before);
  await player.getByRole('button', { name: 'Pause' }).click();
  await expect(player.getByRole('alert')).toHaveCount(0);

  // Evaluate: greedy episodes against a random policy.
  const evaluation = play.getByRole('region', { name: 'Agent evaluation' });
  await evaluation.getByLabel('Greedy episodes').fill('20');
  await evaluation.getByRole('button', { name: 'Evaluate agent' }).click();
  const table = evaluation.getByRole('table');
  await expect(table.getByRole('row', { name: /Random policy/ })).toBeVisible({ timeout: 60_000 });
  const cells = async (row: string) =>
    (
      await table
        .getByRole('row', { name: new RegExp(row) })
        .getByRole('cell')
        .allTextContents()
    ).map(Number);
  const [greedyAvg] = await cells('Trained policy');
  const [randomAvg] = await cells('Random policy');
  expect(greedyAvg).toBeGreaterThan(randomAvg * 3);
  await expect(player.getByRole('button', { name: 'Replay best episode' })).toBeVisible();
  // Status, chart, player and evaluation in one view (the README's screenshot).
  await play
    .getByRole('status', { name: 'Average return (last 100)' })
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: test.info().outputPath('play-cartpole.png') });

  // The policy publishes like any model: an observation in, the two action probabilities out.
  const publish = page.getByRole('button', { name: 'Publish', exact: true });
  await expect(publish).toBeEnabled({ timeout: 15_000 });
  await publish.click();
  const dialog = page.getByRole('dialog', { name: 'Publish' });
  await dialog.getByLabel('Model name').fill('cartpole-policy');
  await dialog.getByLabel('Token').fill(E2E_TOKEN);
  await dialog.getByRole('button', { name: 'Publish version' }).click();
  await expect(dialog.getByTestId('published-version')).toHaveText('1', { timeout: 60_000 });
  const res = await fetch(`http://127.0.0.1:${E2E_PORT}/v1/models/cartpole-policy/versions/1:predict`, {
    method: 'POST',
    headers: { authorization: `Bearer ${E2E_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ instances: [[0, 0, 0.05, 0]], preprocess: 'none' }),
  });
  expect(res.status).toBe(200);
  const { predictions } = (await res.json()) as { predictions: number[][] };
  expect(predictions[0]).toHaveLength(2);
  expect(Math.abs(predictions[0][0] + predictions[0][1] - 1)).toBeLessThan(1e-4);
  // A pole leaning right (angle 0.05): the trained policy pushes the cart right.
  expect(predictions[0][1]).toBeGreaterThan(0.5);
});
