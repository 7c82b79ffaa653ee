import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { decodeRecord, parseDigitsPack } from '../src/data/audio/pack';
import { encodeWav16 } from '../src/data/audio/wav';
import { predict, publishTrained } from './publish-helpers';
import { Studio } from './studio';
import { TrainingPanelPage } from './training-helpers';

/** A real recording of "seven" by the held-out test speaker, as a WAV file a person would drop. */
function heldOutSeven(): Buffer {
  const pack = parseDigitsPack(new Uint8Array(readFileSync('data/fsdd/digits-audio.bin')));
  const theo = pack.speakers.indexOf('theo');
  const record = pack.records.find((r) => r.speaker === theo && r.digit === 7);
  if (!record) throw new Error('no recording of seven by theo in the pack');
  return Buffer.from(encodeWav16([decodeRecord(pack, record)], pack.sampleRate));
}

test('spoken digits: built-in set with spectrograms → Speech commands CNN → short run → accuracy → Try-it with a dropped WAV', async ({
  page,
}) => {
  test.setTimeout(420_000);
  const studio = new Studio(page);
  await studio.open();
  await studio.openTemplate('Speech commands CNN');
  await expect(page.getByText('(None, 61, 40, 1)').first()).toBeVisible();

  // The data panel shows the feature settings and a spectrogram per sample.
  const train = new TrainingPanelPage(page);
  await page.getByRole('tab', { name: 'Data' }).click();
  const data = page.getByRole('region', { name: 'Data' });
  await data
    .getByRole('combobox', { name: 'Dataset', exact: true })
    .selectOption({ label: 'Spoken digits (audio)' });
  const pictures = data.getByRole('list', { name: 'Sample spectrograms' }).getByRole('img');
  await expect(pictures.first()).toBeVisible({ timeout: 60_000 });
  expect(await pictures.count()).toBeGreaterThanOrEqual(8);
  await expect(data.getByText('Model input: (None, 61, 40, 1)')).toBeVisible();
  await expect(data.getByRole('combobox', { name: 'Features' })).toHaveValue('logmel');

  // A short run on part of the training speakers.
  await train.openTab();
  await train.configure({ backend: 'wasm', epochs: 3, samples: 600, batchSize: 32, learningRate: 0.002 });
  await train.button('Train').click();
  await expect(train.button('Train')).toBeEnabled({ timeout: 300_000 });
  await page.getByRole('tab', { name: 'Evaluate' }).click();
  const evaluation = page.getByRole('region', { name: 'Evaluation' });
  const accuracy = evaluation.getByText(/Test accuracy: [\d.]+%/);
  await expect(accuracy).toBeVisible({ timeout: 60_000 });
  const pct = Number((await accuracy.textContent())?.match(/([\d.]+)%/)?.[1]);
  // Ten classes: chance is 10 %; three short epochs already do far better on the unseen speaker.
  expect(pct).toBeGreaterThan(20);

  // Try-it: drop a WAV of the held-out speaker saying "seven".
  const tryIt = page.getByRole('region', { name: 'Try it' });
  await tryIt.scrollIntoViewIfNeeded();
  const wav = heldOutSeven();
  const drop = await page.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'seven.wav', { type: 'audio/wav' }));
    return dt;
  }, Array.from(wav));
  await tryIt.dispatchEvent('drop', { dataTransfer: drop });
  await expect(tryIt.getByRole('img', { name: 'Spectrogram of the input' })).toBeVisible();
  const probabilities = tryIt.getByRole('list', { name: 'Probabilities' }).getByRole('listitem');
  await expect(probabilities).toHaveCount(10);
  const values = await probabilities.evaluateAll((items) =>
    items.map((i) => Number(i.getAttribute('data-probability'))),
  );
  expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);

  // A broken file gets a sentence, and the last result stays.
  await page
    .getByLabel('Audio file')
    .setInputFiles({ name: 'empty.wav', mimeType: 'audio/wav', buffer: Buffer.alloc(0) });
  await expect(tryIt.getByRole('alert')).toContainText('The file could not be read: it is empty.');
  await expect(probabilities).toHaveCount(10);
  await page.screenshot({ path: 'test-results/speech-tryit.png', fullPage: true });

  // Published, the endpoint takes the same WAV file (and raw samples) and answers what Try-it showed.
  await publishTrained(page, 'spoken-digits');
  const { status, json } = await predict('spoken-digits', { instances: [{ b64: wav.toString('base64') }] });
  expect(status).toBe(200);
  const [served] = json.predictions as number[][];
  expect(json.class_names).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  expect(json.class_names).toContain((json.top_class as string[])[0]);
  const sorted = (v: number[]) => [...v].sort((a, b) => b - a);
  for (const [k, p] of sorted(served).entries()) expect(Math.abs(p - sorted(values)[k])).toBeLessThan(1e-3);
  const bad = await predict('spoken-digits', { instances: [{ b64: 'AAAA' }] });
  expect(bad.status).toBe(400);
  expect(bad.json.error).toContain('the WAV file could not be read');
});
