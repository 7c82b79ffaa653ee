import { expect, test } from '@playwright/test';
import { Studio } from './studio';

const dense = (name: string, units: number, activation: string) => ({
  class_name: 'Dense',
  config: {
    name,
    units,
    activation,
    use_bias: true,
    kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
  },
});

/** A Sequential model.json as tfjs' model.save writes it (snake_case config, input shape on the first layer). */
const MODEL_JSON = {
  format: 'layers-model',
  generatedBy: 'TensorFlow.js tfjs-layers v4.22.0',
  convertedBy: null,
  modelTopology: {
    class_name: 'Sequential',
    keras_version: 'tfjs-layers 4.22.0',
    backend: 'tensor_flow.js',
    config: {
      name: 'digits',
      layers: [
        {
          class_name: 'Conv2D',
          config: {
            name: 'conv',
            filters: 8,
            kernel_size: [3, 3],
            strides: [1, 1],
            padding: 'valid',
            activation: 'relu',
            use_bias: true,
            batch_input_shape: [null, 28, 28, 1],
            dtype: 'float32',
          },
        },
        {
          class_name: 'MaxPooling2D',
          config: { name: 'pool', pool_size: [2, 2], strides: [2, 2], padding: 'valid' },
        },
        { class_name: 'Flatten', config: { name: 'flat' } },
        dense('probs', 10, 'softmax'),
      ],
    },
  },
  weightsManifest: [
    {
      paths: ['./model.weights.bin'],
      weights: [
        { name: 'conv/kernel', shape: [3, 3, 1, 8], dtype: 'float32' },
        { name: 'conv/bias', shape: [8], dtype: 'float32' },
        { name: 'probs/kernel', shape: [1352, 10], dtype: 'float32' },
        { name: 'probs/bias', shape: [10], dtype: 'float32' },
      ],
    },
  ],
};
const WEIGHT_COUNT = 72 + 8 + 13520 + 10;

test('import a model.json with its weights through the UI and see the graph with its shapes', async ({
  page,
}) => {
  const studio = new Studio(page);
  await studio.open();
  const files = page.getByLabel('Model files (model.json and .bin)');

  await files.setInputFiles({
    name: 'model.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"modelTopology": '),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'model.json is not valid JSON' })).toBeVisible();

  await files.setInputFiles([
    { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(MODEL_JSON)) },
    {
      name: 'model.weights.bin',
      mimeType: 'application/octet-stream',
      buffer: Buffer.alloc(WEIGHT_COUNT * 4),
    },
  ]);
  await expect(
    page.getByRole('status').filter({ hasText: 'Imported “digits” (5 layers) with its weights.' }),
  ).toBeVisible();
  await expect(studio.canvas.locator('.layer-node')).toHaveCount(5);
  await expect(studio.node('conv_input')).toContainText('(None, 28, 28, 1)');
  await expect(studio.node('conv')).toContainText('(None, 26, 26, 8)');
  await expect(studio.node('pool')).toContainText('(None, 13, 13, 8)');
  await expect(studio.node('flat')).toContainText('(None, 1352)');
  await expect(studio.node('probs')).toContainText('(None, 10)');
  await expect(studio.node('probs')).toContainText('13,530 params');

  await files.setInputFiles({
    name: 'model.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(MODEL_JSON)),
  });
  await expect(page.getByRole('status').filter({ hasText: 'without weights' })).toContainText(
    'choose model.weights.bin',
  );
});

test('open the Keras code dialog for the reference CNN and read its summary', async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.openTemplate('CNN for MNIST digits');
  await expect(studio.node('conv2d')).toContainText('(None, 26, 26, 32)');

  await page.getByRole('tab', { name: 'Model' }).click();
  const summary = page.getByRole('region', { name: 'Model summary' });
  await expect(summary.getByRole('row', { name: /conv2d \(Conv2D\)/ })).toContainText('(None, 26, 26, 32)');
  await expect(summary).toContainText('54,410 (212.54 KB)');

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Keras Python code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Keras Python code' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('model = keras.Sequential(');
  await expect(dialog).toContainText('keras.Input(shape=(28, 28, 1)),');
  await expect(dialog).toContainText("name='conv2d',");
  await expect(dialog.getByRole('button', { name: 'Copy' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Download' })).toBeVisible();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  expect((await download).suggestedFilename()).toBe('model.py');
});
