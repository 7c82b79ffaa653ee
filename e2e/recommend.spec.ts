import { expect, test } from '@playwright/test';
import { predict, publishTrained } from './publish-helpers';
import { Studio } from './studio';
import { TrainingPanelPage } from './training-helpers';

test('recommendation: built-in ratings → Matrix factorisation → short run → RMSE, HitRate/NDCG beside popularity → top-10 for a user', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const studio = new Studio(page);
  await studio.open();
  await studio.openTemplate('Matrix factorisation');
  await expect(studio.node('user_embedding')).toBeVisible();
  const train = new TrainingPanelPage(page);
  await train.open('Movie ratings (synthetic)');
  // Two Inputs share the [user, item] sample: the dataset–model check has nothing to say.
  await expect(page.getByText(/Input layers; this dataset feeds one/)).toHaveCount(0);
  await train.configure({ backend: 'cpu', epochs: 4, samples: 6000, batchSize: 64, learningRate: 0.05 });
  await train.button('Train').click();
  await expect(train.epochs).toHaveCount(4, { timeout: 200_000 });
  await expect(train.button('Train')).toBeEnabled({ timeout: 60_000 });

  await page.getByRole('tab', { name: 'Evaluate' }).click();
  const evaluation = page.getByRole('region', { name: 'Evaluation' });
  await expect(evaluation.getByText(/Test RMSE: \d+\.\d{3}/)).toBeVisible({ timeout: 60_000 });
  const table = evaluation.getByRole('table', { name: 'Recommendation metrics' });
  const model = table.getByRole('row', { name: /^Model/ });
  const popularity = table.getByRole('row', { name: /^Popularity baseline/ });
  await expect(model.getByRole('cell')).toHaveCount(4);
  const cells = async (row: typeof model) => (await row.getByRole('cell').allTextContents()).map(Number);
  const [rmse, mae, hit, ndcg] = await cells(model);
  expect(rmse).toBeGreaterThan(0);
  expect(rmse).toBeLessThan(1.5); // an untrained model (output ≈ 0) is off by about 3.6
  expect(mae).toBeLessThanOrEqual(rmse);
  expect(hit).toBeGreaterThanOrEqual(0);
  expect(hit).toBeLessThanOrEqual(1);
  expect(ndcg).toBeLessThanOrEqual(hit);
  const [, , popHit] = await cells(popularity);
  expect(popHit).toBeGreaterThan(0); // popular items do find some held-out items
  await evaluation
    .getByRole('combobox', { name: 'Candidates' })
    .selectOption({ label: '100 sampled unseen items' });
  await expect(evaluation.getByText(/ranked among 101 items per user/)).toBeVisible();
  await page.screenshot({ path: 'test-results/recommend-evaluation.png', fullPage: true });

  // Try-it: a user's ten best unseen items, with predicted ratings.
  await evaluation.getByRole('combobox', { name: 'User' }).selectOption({ label: 'u7' });
  await evaluation.getByRole('button', { name: 'Recommend', exact: true }).click();
  const top = evaluation.getByRole('list', { name: 'Top 10 recommendations' }).getByRole('listitem');
  await expect(top).toHaveCount(10);
  const scores = (await top.allTextContents()).map((t) => Number(t.match(/Predicted rating ([\d.]+)/)?.[1]));
  expect(scores.every(Number.isFinite)).toBe(true);
  expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  await expect(evaluation.getByText(/Excluding \d+ items this user has rated/)).toBeVisible();

  // Publish, then call the endpoint with the ORIGINAL ids: a rating, a top-10 list, and a sentence for a stranger.
  const dialog = await publishTrained(page, 'movie-ratings');
  await expect(dialog.getByText('parity ok')).toBeVisible();
  await expect(dialog.locator('pre[data-snippet="curl"]')).toContainText(/"user":"u\d+","item":"item \d+"/);
  const pair = await predict('movie-ratings', { instances: [{ user: 'u7', item: 'item 3' }] });
  expect(pair.status).toBe(200);
  const [[rating]] = pair.json.predictions as number[][];
  expect(rating).toBeGreaterThan(0.5);
  expect(rating).toBeLessThan(5.5);
  const topK = await predict('movie-ratings', { instances: [{ user: 'u7', top_k: 10 }] });
  expect(topK.status).toBe(200);
  const [best] = topK.json.predictions as Array<{ items: string[]; scores: number[] }>;
  expect(best.items).toHaveLength(10);
  expect(best.items.every((id) => /^item \d+$/.test(id))).toBe(true);
  expect([...best.scores].sort((a, b) => b - a)).toEqual(best.scores);
  const stranger = await predict('movie-ratings', { instances: [{ user: 'nobody', item: 'item 3' }] });
  expect(stranger.status).toBe(400);
  expect(stranger.json.error).toContain('user "nobody" was not in the training data');
});
