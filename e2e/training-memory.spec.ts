import { expect, test } from '@playwright/test';
import { Studio } from './studio';
import { TrainingPanelPage } from './training-helpers';

// Issue 5, "Safety": the tensor count after every epoch equals the count after the first, over 20 epochs, on
// each backend the browser offers (WebGPU through the SwiftShader adapter the Playwright config enables).
const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
const EPOCHS = 20;

for (const backend of BACKENDS) {
  test(`no tensor leak over ${EPOCHS} epochs on ${backend}`, async ({ page }) => {
    const studio = new Studio(page);
    await studio.open();
    await studio.openTemplate('MLP for tabular data');
    await expect(studio.canvas.getByText('(None, 3)').first()).toBeVisible();
    const train = new TrainingPanelPage(page);
    await train.open('Iris flowers');
    await train.configure({ backend, epochs: EPOCHS, samples: 24, batchSize: 12, learningRate: 0.01 });
    await train.button('Train').click();

    // Either the run names the requested backend, or the backend could not start: then the panel measured
    // the others and its "Backend speeds" table says why this one is unusable. Say so; never pass silently.
    await expect(train.backend).toHaveText(/^(webgpu|webgl|wasm|cpu)$/, { timeout: 30_000 });
    const used = await train.backend.textContent();
    if (used !== backend) {
      const row = train.panel
        .getByRole('table', { name: 'Backend speeds' })
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: backend, exact: true }) });
      const reason = (await row.getByRole('cell').textContent()) ?? '';
      expect(reason, `${backend} was not used, yet the panel gives no reason`).toMatch(/^unusable: ./);
      await train.button('Stop').click();
      // Every backend is expected in the test browser (WebGPU through SwiftShader): a missing one is a failure.
      throw new Error(`${backend} is not available in this browser: ${reason.replace(/^unusable: /, '')}`);
    }

    await expect(train.epochs).toHaveCount(EPOCHS, { timeout: 60_000 });
    await expect(train.button('Train')).toBeEnabled();
    await expect(train.alert).toHaveCount(0);
    const counts = await train.epochTensors();
    expect(counts).toHaveLength(EPOCHS);
    expect(counts[0], 'the epoch log shows the tensor count').toBeGreaterThan(0);
    expect(counts.slice(1), `${backend}: tensors per epoch ${counts.join(', ')}`).toEqual(
      Array(EPOCHS - 1).fill(counts[0]),
    );
  });
}
