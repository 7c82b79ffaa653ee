import { expect, type Page, test } from '@playwright/test';
import { E2E_PORT, E2E_TOKEN } from './env';
import { Studio } from './studio';
import { TrainingPanelPage } from './training-helpers';

const BASE = `http://127.0.0.1:${E2E_PORT}`;
const auth = { authorization: `Bearer ${E2E_TOKEN}`, 'content-type': 'application/json' };

/** Opens a generative template with MNIST and trains it for `epochs` on a small slice; waits for the end. */
async function trainTemplate(page: Page, title: string, epochs: number, samples = 1024): Promise<void> {
  await new Studio(page).openTemplate(title);
  // Panels load when first opened: open Generate and Runs now, so they follow the run from its first epoch.
  for (const tab of ['Generate', 'Runs']) await page.getByRole('tab', { name: tab }).click();
  const train = new TrainingPanelPage(page);
  await train.open();
  const backend = samples > 1024 ? 'wasm' : 'cpu';
  await train.configure({ backend, epochs, samples, batchSize: 64, learningRate: 0.002 });
  await train.button('Train').click();
  await expect(train.progress).toContainText(/Epoch/, { timeout: 60_000 });
  await expect(train.button('Train')).toBeEnabled({ timeout: samples > 1024 ? 1_500_000 : 180_000 });
  await expect(train.alert).toHaveCount(0);
}

/** The Generate tab's "Samples" figure and how many images it shows. */
async function samples(page: Page) {
  await page.getByRole('tab', { name: 'Generate' }).click();
  const figure = page.getByRole('figure', { name: 'Samples' });
  await expect(figure).toBeVisible({ timeout: 30_000 });
  return { figure, images: await figure.getByRole('img').count() };
}

/** The Loss chart's legend text (one entry per series). */
async function lossLegend(page: Page): Promise<string> {
  await page.getByRole('tab', { name: 'Runs' }).click();
  const loss = page.getByRole('figure', { name: 'Loss chart' });
  await expect(loss.locator('svg path.recharts-curve').first()).toBeVisible();
  return (await loss.getByRole('list').textContent()) ?? '';
}

test('VAE: train 2 epochs, see samples and the latent map, chart reconstruction and KL, publish the decoder', async ({
  page,
}) => {
  // UPDATE_DOCS=1 trains the full recommended run (10 epochs of the 10k digits) for the README's picture.
  const docs = Boolean(process.env.UPDATE_DOCS);
  test.setTimeout(docs ? 1_800_000 : 420_000);
  await page.goto(`${BASE}/?token=${E2E_TOKEN}`);
  await expect(new Studio(page).palette).toBeVisible();
  await trainTemplate(page, 'VAE for MNIST digits', docs ? 10 : 2, docs ? 10_000 : 1024);

  const { figure, images } = await samples(page);
  expect(images).toBeGreaterThanOrEqual(16);
  await expect(figure.getByRole('slider', { name: 'Epoch' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Latent space' }).getByRole('img').first()).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Reconstructions' }).getByRole('img')).toHaveCount(16);
  await page.screenshot({ path: test.info().outputPath('generate-vae.png'), fullPage: true });
  if (docs) {
    // The README's picture: the side panel from the Samples figure down to the window's bottom edge (the
    // 64 samples and the latent manifold).
    const top = (await figure.boundingBox())!;
    const bottom = page.viewportSize()!.height - 40;
    const clip = { x: top.x, y: top.y, width: top.width, height: bottom - top.y };
    await page.screenshot({ path: 'docs/screenshot-generate.png', clip });
  }

  const legend = await lossLegend(page);
  expect(legend).toContain('reconstruction');
  expect(legend).toContain('KL');

  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish' });
  await dialog.getByLabel('Model name').fill('digits-decoder');
  await dialog.getByLabel('What to publish').selectOption({ label: 'Decoder (input z → image)' });
  await dialog.getByLabel('Label').selectOption('stable');
  await dialog.getByRole('button', { name: 'Publish version' }).click();
  await expect(dialog.getByText(/:predict/).first()).toBeVisible({ timeout: 60_000 });

  const meta = (await (await fetch(`${BASE}/v2/models/digits-decoder`, { headers: auth })).json()) as {
    inputs: { name: string; shape: number[] }[];
  };
  expect(meta.inputs[0].shape.slice(1)).toEqual([2]);
  const res = await fetch(`${BASE}/v2/models/digits-decoder/infer`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      inputs: [{ name: meta.inputs[0].name, shape: [1, 2], datatype: 'FP32', data: [0.5, -0.5] }],
    }),
  });
  expect(res.status).toBe(200);
  const out = (await res.json()) as { outputs: { shape: number[]; data: number[] }[] };
  expect(out.outputs[0].shape).toEqual([1, 28, 28, 1]);
  expect(out.outputs[0].data.every((v) => v >= 0 && v <= 1)).toBe(true);
});

test('GAN: train 1 epoch, samples and both losses appear', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/');
  await expect(new Studio(page).palette).toBeVisible();
  await trainTemplate(page, 'GAN for MNIST digits', 1);
  const { images } = await samples(page);
  expect(images).toBeGreaterThanOrEqual(16);
  await page.screenshot({ path: test.info().outputPath('generate-gan.png'), fullPage: true });
  const legend = await lossLegend(page);
  expect(legend).toContain('discriminator');
  expect(legend).toContain('generator');
});
