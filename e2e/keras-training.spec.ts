import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { Studio } from './studio';

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

test('Export → Keras training script downloads one zip with train.py, the data and a README', async ({
  page,
}) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.openTemplate('MLP for tabular data');
  await page.getByRole('tab', { name: 'Data' }).click();
  const data = page.getByRole('region', { name: 'Data' });
  await expect(data.getByRole('heading', { name: 'Iris flowers' })).toBeVisible();
  await expect(data.getByRole('status').filter({ hasText: 'The dataset fits the model.' })).toBeVisible();

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Keras training script' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/-keras\.zip$/);
  await expect(page.getByRole('status').filter({ hasText: 'train.py' })).toContainText('Import model');

  const entries = unzipSync(readFileSync(await file.path()));
  const folder = file.suggestedFilename().replace(/\.zip$/, '');
  const at = (path: string) => entries[`${folder}/${path}`];
  expect(Object.keys(entries)).toHaveLength(8);
  for (const name of [
    'README.txt',
    'requirements.txt',
    'tfjs_template.json',
    'data/val.csv',
    'data/test.csv',
  ])
    expect(at(name)?.byteLength).toBeGreaterThan(0);
  // The template's recommended settings travel into the script.
  const script = text(at('train.py'));
  expect(script).toContain("'batch_size': 16,");
  expect(script).toContain("'epochs': 100,");
  expect(script).toContain("'learning_rate': 0.01,");
  expect(script).toContain('tf.distribute.MultiWorkerMirroredStrategy()');
  expect(script).toContain('model = keras.Sequential(');
  expect(text(at('README.txt'))).toContain('Import model');
  // The data: every Iris flower once, in the studio's split, with its original measurements.
  const pre = JSON.parse(text(at('preprocessing.json')));
  expect(pre.counts.train + pre.counts.val + pre.counts.test).toBe(150);
  expect(pre.normaliser.kind).toBe('zscore');
  const train = text(at('data/train.csv')).trim().split('\n');
  expect(train[0]).toBe('sepal length,sepal width,petal length,petal width,class,class_name');
  expect(train).toHaveLength(pre.counts.train + 1);
  expect(train[1]).toMatch(/^(\d(\.\d)?,){4}[012],(setosa|versicolor|virginica)$/);
});

test('a model the script cannot train gets a sentence instead of a zip', async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.openTemplate('Two-input model');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Keras training script' }).click();
  await expect(page.getByRole('alert')).toContainText('one input and one output; this one has 2 input(s)');
});
