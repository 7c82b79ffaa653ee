import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import * as tf from '@tensorflow/tfjs';
import { E2E_PORT, E2E_TOKEN } from './env';
import { Studio } from './studio';
import { TrainingPanelPage } from './training-helpers';

const BASE = `http://127.0.0.1:${E2E_PORT}`;
const auth = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

/** model.json + weights of a seeded 4 → 8 → 3 classifier, saved by tfjs in Node as a person's files would be. */
async function modelFiles(): Promise<Array<{ name: string; mimeType: string; buffer: Buffer }>> {
  const init = (seed: number) => tf.initializers.glorotUniform({ seed });
  const model = tf.sequential({
    name: 'flowers',
    layers: [
      tf.layers.dense({
        name: 'hidden',
        units: 8,
        inputShape: [4],
        activation: 'relu',
        kernelInitializer: init(1),
        biasInitializer: 'ones',
      }),
      tf.layers.dense({ name: 'probs', units: 3, activation: 'softmax', kernelInitializer: init(2) }),
    ],
  });
  let files: Array<{ name: string; mimeType: string; buffer: Buffer }> = [];
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      const json = {
        modelTopology: a.modelTopology,
        format: a.format,
        weightsManifest: [{ paths: ['./model.weights.bin'], weights: a.weightSpecs }],
      };
      files = [
        { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) },
        {
          name: 'model.weights.bin',
          mimeType: 'application/octet-stream',
          buffer: Buffer.from(a.weightData as ArrayBuffer),
        },
      ];
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return files;
}

/** Opens the studio with the start-up token and imports the model with its weights. */
async function openWithModel(page: Page, base: string, token: string): Promise<void> {
  await page.goto(`${base}/?token=${token}`);
  await expect(new Studio(page).palette).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.get('token')).toBeNull();
  await page.getByLabel('Model files (model.json and .bin)').setInputFiles(await modelFiles());
  await expect(page.getByRole('status').filter({ hasText: 'with its weights' })).toBeVisible();
}

/** Opens the publish dialog and fills it in (model name, label stable); returns the dialog. */
async function fillDialog(page: Page, name: string) {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish' });
  await dialog.getByLabel('Model name').fill(name);
  await dialog.getByLabel('Label').selectOption('stable');
  return dialog;
}

/** Publishes through the dialog; returns the dialog. */
async function publishOnce(page: Page, name: string) {
  const dialog = await fillDialog(page, name);
  await dialog.getByRole('button', { name: 'Publish version' }).click();
  return dialog;
}

test('publish twice, check parity, call :predict, roll back stable to version 1', async ({ page }) => {
  await openWithModel(page, BASE, E2E_TOKEN);
  const dialog = await publishOnce(page, 'flowers');
  await expect(dialog.getByTestId('published-version')).toHaveText('1', { timeout: 60_000 });
  await expect(dialog.getByText('parity ok')).toBeVisible();
  await expect(dialog.getByText('Label stable now points at version 1.')).toBeVisible();
  await page.screenshot({ path: 'test-results/publish-dialog.png' });

  // The shown :predict URL and the curl snippet's real sample answer what the browser predicted.
  const url = await dialog.getByTestId('rest-url').textContent();
  expect(url).toBe(`${BASE}/v1/models/flowers/versions/1:predict`);
  const curl = (await dialog.locator('pre[data-snippet="curl"]').textContent()) ?? '';
  const body = /-d '(.+)'\s*$/s.exec(curl)![1];
  const expected = JSON.parse(
    (await dialog.getByTestId('expected-prediction').textContent()) ?? '[]',
  ) as number[];
  const res = await fetch(url!, { method: 'POST', headers: auth(E2E_TOKEN), body });
  const { predictions } = (await res.json()) as { predictions: number[][] };
  expect(predictions[0]).toHaveLength(3);
  for (const [i, p] of predictions[0].entries()) expect(Math.abs(p - expected[i])).toBeLessThan(1e-4);

  await dialog.getByRole('button', { name: 'Close' }).click();
  const again = await publishOnce(page, 'flowers');
  await expect(again.getByTestId('published-version')).toHaveText('2', { timeout: 60_000 });
  await expect(again.getByText('parity ok')).toBeVisible();
  await again.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('tab', { name: 'Publish' }).click();
  const panel = page.getByRole('region', { name: 'Published versions' });
  const version = (n: number) => panel.getByRole('listitem', { name: `Version ${n}` });
  await expect(version(2).getByText('stable', { exact: true })).toBeVisible();
  await expect(version(1).getByText('stable', { exact: true })).toHaveCount(0);
  await expect(version(1)).toContainText('parity ok');
  await panel.getByRole('button', { name: 'Make version 1 stable' }).click();
  await expect(version(1).getByText('stable', { exact: true })).toBeVisible();
  await expect(version(2).getByText('stable', { exact: true })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/publish-versions.png' });

  const input = { name: 'hidden_input', shape: [1, 4], datatype: 'FP32', data: [0.1, 0.2, 0.3, 0.4] };
  const v2 = await fetch(`${BASE}/v2/models/flowers/infer`, {
    method: 'POST',
    headers: auth(E2E_TOKEN),
    body: JSON.stringify({ inputs: [input] }),
  });
  expect(((await v2.json()) as { model_version: string }).model_version).toBe('1');
});

/** Starts our own server (so this test may stop it) on a port next to the shared one. */
function startOwnServer(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn('npx', ['tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      MODEL_STUDIO_TOKEN: 'own-token-0123456789',
      STUDIO_DIR: 'dist',
      WORKERS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it stops tsx's node child too.
    detached: true,
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on(
      'data',
      (d: Buffer) => d.toString().includes('Model Studio is running') && resolve(child),
    );
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

function stop(child: ChildProcess): Promise<void> {
  if (!running(child)) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGKILL');
  });
}

test('with the server stopped, Publish says so clearly and nothing is lost', async ({ page }) => {
  const port = E2E_PORT + 1;
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'publish-e2e-'));
  let server = await startOwnServer(port, dataDir);
  try {
    await openWithModel(page, base, 'own-token-0123456789');
    const dialog = await fillDialog(page, 'offline');
    await stop(server);
    await dialog.getByRole('button', { name: 'Publish version' }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText(`the serving endpoint at ${base} could not be reached`);
    await expect(alert).toContainText('nothing was lost');
    await page.screenshot({ path: 'test-results/publish-offline.png' });
    await expect(page.getByRole('button', { name: 'Publish', exact: true })).toBeEnabled();

    // The weights are still in IndexedDB: once the server is back, the same dialog publishes them.
    server = await startOwnServer(port, dataDir);
    await dialog.getByRole('button', { name: 'Publish again' }).click();
    await expect(dialog.getByTestId('published-version')).toHaveText('1', { timeout: 60_000 });
    await expect(dialog.getByText('parity ok')).toBeVisible();
  } finally {
    await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a model trained in the studio publishes with parity ok and its curl snippet answers as shown', async ({
  page,
}) => {
  await page.goto(`${BASE}/?token=${E2E_TOKEN}`);
  const studio = new Studio(page);
  await expect(studio.palette).toBeVisible();
  await studio.openTemplate('MLP for tabular data');
  const train = new TrainingPanelPage(page);
  await train.open('Iris flowers');
  await train.configure({ backend: 'cpu', epochs: 5, samples: 120, batchSize: 16, learningRate: 0.01 });
  await train.button('Train').click();
  await expect(train.epochs).toHaveCount(5, { timeout: 120_000 });
  await expect(train.button('Train')).toBeEnabled();

  const publish = page.getByRole('button', { name: 'Publish', exact: true });
  await expect(publish).toBeEnabled({ timeout: 15_000 });
  const dialog = await publishOnce(page, 'iris-trained');
  await expect(dialog.getByTestId('published-version')).toHaveText('1', { timeout: 60_000 });
  await expect(dialog.getByText('parity ok')).toBeVisible();
  const url = (await dialog.getByTestId('rest-url').textContent())!;
  const curl = (await dialog.locator('pre[data-snippet="curl"]').textContent()) ?? '';
  const body = /-d '(.+)'\s*$/s.exec(curl)![1];
  const expected = JSON.parse(
    (await dialog.getByTestId('expected-prediction').textContent()) ?? '[]',
  ) as number[];
  const res = await fetch(url, { method: 'POST', headers: auth(E2E_TOKEN), body });
  const { predictions } = (await res.json()) as { predictions: number[][] };
  expect(predictions[0]).toHaveLength(3);
  for (const [i, p] of predictions[0].entries()) expect(Math.abs(p - expected[i])).toBeLessThan(1e-4);
});
