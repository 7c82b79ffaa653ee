import { expect, type Page, test } from '@playwright/test';
import { openReferenceCnn, type TrainingPanelPage } from './training-helpers';

/** The reference CNN on MNIST, Train tab open, set to train on WASM. */
async function setUp(page: Page): Promise<TrainingPanelPage> {
  const train = await openReferenceCnn(page);
  await train.configure({ backend: 'wasm', epochs: 3, samples: 256, batchSize: 32 });
  return train;
}

test('the reference CNN trains on WASM with a thread per core (threaded SIMD build) and its loss falls', async ({
  page,
}) => {
  const wasmFiles: { url: string; status: number; type: string }[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.wasm'))
      wasmFiles.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] ?? '' });
  });
  const train = await setUp(page);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  // Threads need a cross-origin isolated page: the server's COOP and COEP headers.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await train.button('Train').click();
  await expect(train.backend).toHaveText('wasm', { timeout: 60_000 });
  // tfjs-backend-wasm's pool has at most 8 threads.
  const threads = train.panel.locator('output[aria-label="Threads"]');
  await expect(threads).toHaveText(String(Math.min(cores, 8)));
  await expect(train.panel.getByText(/runs on one thread/)).toHaveCount(0);
  // The convnet's filter gradient exists on WASM only as the studio's own kernel: without it no step runs.
  await expect(train.epochs).toHaveCount(3, { timeout: 90_000 });
  const losses = await train.epochLosses();
  expect(losses[2]).toBeLessThan(losses[0]);
  await expect(train.alert).toHaveCount(0);
  // One core has nothing to run a second thread on: the single-threaded build is the right one there.
  const build = cores > 1 ? 'threaded-simd' : 'wasm-simd';
  const served = wasmFiles.find((f) => f.url.includes(build));
  expect(served, JSON.stringify(wasmFiles)).toMatchObject({ status: 200, type: 'application/wasm' });
});

test('without cross-origin isolation WASM trains on one thread and says why', async ({ page }) => {
  // The same server with its COOP / COEP headers taken off every response.
  await page.context().route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['cross-origin-opener-policy'];
    delete headers['cross-origin-embedder-policy'];
    await route.fulfill({ response, headers });
  });
  const train = await setUp(page);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await train.button('Train').click();
  await expect(train.backend).toHaveText('wasm', { timeout: 60_000 });
  await expect(train.panel.locator('output[aria-label="Threads"]')).toHaveText('1');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  if (cores > 1)
    await expect(
      train.panel.getByText(/the page is not cross-origin isolated .* so WASM runs on one thread/),
    ).toBeVisible();
  await expect(train.epochs).toHaveCount(3, { timeout: 90_000 });
  const losses = await train.epochLosses();
  expect(losses[2]).toBeLessThan(losses[0]);
});
