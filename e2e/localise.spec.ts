import { expect, test } from '@playwright/test';
import { predict, publishTrained } from './publish-helpers';
import { Studio } from './studio';
import { TrainingPanelPage } from './training-helpers';

test('localisation: built-in boxes → Single-object localiser → short run → mean IoU, worst images → box on a dropped image', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const studio = new Studio(page);
  await studio.open();
  await studio.openTemplate('Single-object localiser');
  await expect(studio.node('box')).toBeVisible();
  const train = new TrainingPanelPage(page);
  await train.open('Shapes with boxes (synthetic)');
  // WASM trains convnets with the studio's gradient kernels; the plain-JS CPU backend is far slower here.
  await train.configure({ backend: 'wasm', epochs: 3, samples: 480, batchSize: 32, learningRate: 0.003 });
  await train.button('Train').click();
  await expect(train.epochs).toHaveCount(3, { timeout: 200_000 });
  await expect(train.button('Train')).toBeEnabled({ timeout: 60_000 });

  await page.getByRole('tab', { name: 'Evaluate' }).click();
  const evaluation = page.getByRole('region', { name: 'Evaluation' });
  const headline = evaluation.getByText(/Mean IoU: \d\.\d\d/);
  await expect(headline).toBeVisible({ timeout: 60_000 });
  const meanIoU = Number((await headline.textContent())?.match(/\d\.\d\d/)?.[0]);
  expect(meanIoU).toBeGreaterThan(0);
  await expect(evaluation.getByText(/Accuracy@IoU≥0\.5: \d+(\.\d)?\s?%/)).toBeVisible();
  const gallery = evaluation.getByRole('list', { name: 'Test images, worst first' }).getByRole('img');
  await expect(gallery).toHaveCount(24);
  const ious = (await gallery.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).map(
    (l) => Number(l.match(/IoU ([\d.]+)/)?.[1]),
  );
  expect([...ious].sort((a, b) => a - b)).toEqual(ious); // worst first
  await page.screenshot({ path: 'test-results/localise-evaluation.png', fullPage: true });

  // Try-it: an image drawn here (a bright square on gray) gets a predicted box drawn on it.
  const png = await page.evaluate(() => {
    const c = document.createElement('canvas');
    [c.width, c.height] = [64, 64];
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#444';
    ctx.fillRect(0, 0, 64, 64);
    ctx.fillStyle = '#eee';
    ctx.fillRect(10, 20, 24, 24);
    return c.toDataURL('image/png').split(',')[1];
  });
  await evaluation
    .getByLabel('Image file')
    .setInputFiles({ name: 'square.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
  const shown = evaluation.getByRole('status').filter({ hasText: /Predicted box: \w+ \(/ });
  await expect(shown).toBeVisible();
  await expect(evaluation.getByRole('img', { name: 'Prediction' })).toBeVisible();

  // Published, the endpoint takes the same PNG file and answers the class Try-it showed and a box in [0, 1].
  await publishTrained(page, 'shapes-localiser');
  const { status, json } = await predict('shapes-localiser', { instances: [{ b64: png }] });
  expect(status).toBe(200);
  const [answer] = json.predictions as Array<{ box: number[]; class: number[] }>;
  expect(answer.box).toHaveLength(4);
  expect(answer.box.every((v) => v >= 0 && v <= 1)).toBe(true);
  const [topClass] = json.top_class as string[];
  expect(json.class_names).toContain(topClass);
  expect(await shown.textContent()).toContain(`Predicted box: ${topClass} (`);
});
