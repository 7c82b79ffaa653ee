import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { decodeRecord, parseDigitsPack } from '../src/data/audio/pack';
import { encodeWav16 } from '../src/data/audio/wav';
import { Studio } from './studio';
import { TrainingPanelPage } from './training-helpers';

/**
 * The microphone Chromium's fake capture device plays: a real FSDD recording of "seven" by the held-out speaker,
 * written as a WAV at test time and followed by half a second of silence (the device loops the file).
 */
function fakeMicrophoneWav(): string {
  const pack = parseDigitsPack(new Uint8Array(readFileSync('data/fsdd/digits-audio.bin')));
  const theo = pack.speakers.indexOf('theo');
  const record = pack.records.find((r) => r.speaker === theo && r.digit === 7);
  if (!record) throw new Error('no recording of seven by theo in the pack');
  const clip = decodeRecord(pack, record);
  const withPause = new Float32Array(clip.length + pack.sampleRate / 2);
  withPause.set(clip);
  const path = join(mkdtempSync(join(tmpdir(), 'studio-mic-')), 'seven.wav');
  writeFileSync(path, encodeWav16([withPause], pack.sampleRate));
  return path;
}

const systemChromium =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// This spec's own browser: the offline flags of playwright.config.ts plus a fake microphone that grants itself.
test.use({
  launchOptions: {
    executablePath: systemChromium,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-audio-capture=${fakeMicrophoneWav()}`,
    ],
  },
});

test('speech Try-it records from the microphone: a spectrogram and the ten digit probabilities appear', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const studio = new Studio(page);
  await studio.open();
  await studio.openTemplate('Speech commands CNN');
  const train = new TrainingPanelPage(page);
  await train.openTab();
  // Just enough training to have a model to try: Try-it is what this test is about.
  await train.configure({ backend: 'wasm', epochs: 1, samples: 200, batchSize: 32, learningRate: 0.002 });
  await train.button('Train').click();
  await expect(train.button('Train')).toBeEnabled({ timeout: 240_000 });
  await page.getByRole('tab', { name: 'Evaluate' }).click();

  const tryIt = page.getByRole('region', { name: 'Try it' });
  await tryIt.scrollIntoViewIfNeeded();
  await tryIt.getByRole('button', { name: 'Record', exact: true }).click();
  // While it records, the button stops the recording and the hint asks for a word.
  await expect(tryIt.getByText('Recording… say one word.')).toBeVisible();
  await expect(tryIt.getByRole('button', { name: 'Stop recording' })).toBeVisible();
  // The recording stops by itself after the clip length plus half a second.
  await expect(tryIt.getByRole('img', { name: 'Spectrogram of the input' })).toBeVisible({ timeout: 30_000 });
  await expect(tryIt.getByRole('alert')).toHaveCount(0);
  const heard = await tryIt.getByText(/^Heard [\d.]+ s at [\d,]+ Hz$/).textContent();
  const seconds = Number(heard?.match(/Heard ([\d.]+) s/)?.[1]);
  expect(seconds).toBeGreaterThan(0.8);
  expect(seconds).toBeLessThan(3);
  const probabilities = tryIt.getByRole('list', { name: 'Probabilities' }).getByRole('listitem');
  await expect(probabilities).toHaveCount(10);
  const values = await probabilities.evaluateAll((items) =>
    items.map((i) => Number(i.getAttribute('data-probability'))),
  );
  expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
  // The recording is not silence: its spectrogram has bright and dark cells.
  const spread = await tryIt.getByRole('img', { name: 'Spectrogram of the input' }).evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let lo = 255;
    let hi = 0;
    for (let i = 0; i < px.length; i += 4) {
      lo = Math.min(lo, px[i]);
      hi = Math.max(hi, px[i]);
    }
    return hi - lo;
  });
  expect(spread).toBeGreaterThan(100);
  await tryIt.screenshot({ path: test.info().outputPath('speech-microphone.png') });
});
