import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { DataPanelPage, fixture } from './data-panel';
import { Studio } from './studio';

async function openData(page: Page): Promise<DataPanelPage> {
  await new Studio(page).open();
  const data = new DataPanelPage(page);
  await data.open();
  return data;
}

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

test('a ratings CSV uploads through the data panel: ids become indices, counts show, a broken file keeps it', async ({
  page,
}) => {
  const data = await openData(page);
  const ratings = [
    'user,item,rating,timestamp',
    'alice,matrix,5,1',
    'alice,up,3,2',
    'bob,matrix,4,1',
    'bob,heat,2,3',
    'carol,up,5,1',
    'carol,heat,4,2',
    'carol,matrix,1,3',
    'dan,heat,3,1',
    'dan,up,4,2',
  ].join('\n');
  await data.upload('Upload ratings (CSV)…', 'CSV file', csv('ratings.csv', ratings));
  await expect(data.fact('Samples')).toHaveText('9');
  // Leave-last-out: each user's latest rating is the test split.
  await expect(data.fact('Test')).toHaveText('4');
  await expect(data.fact('Users')).toHaveText('4 (alice → 0, bob → 1, carol → 2, dan → 3)');
  await expect(data.fact('Items')).toHaveText('3 (matrix → 0, up → 1, heat → 2)');
  await expect(data.fact('Input')).toHaveText('(None, 2) int32');
  // Ids are not pictures: nothing to augment.
  await expect(data.panel.getByText('Augmentation (training batches only)')).toHaveCount(0);

  // A row with a missing field: a sentence naming it, and the ratings loaded before stay.
  await data.upload(
    'Upload ratings (CSV)…',
    'CSV file',
    csv('broken.csv', 'user,item,rating\nalice,up,4\nbob,heat\n'),
  );
  await expect(data.alert).toContainText('Row 3 has 2 fields, but the file');
  await expect(data.panel.getByText('Current dataset: ratings.csv')).toBeVisible();
  await expect(data.fact('Samples')).toHaveText('9');
  await data.upload('Upload ratings (CSV)…', 'CSV file', csv('empty.csv', ''));
  await expect(data.alert).toContainText('The ratings file is empty.');
  await expect(data.fact('Users')).toContainText('alice → 0');
  await data.panel.screenshot({ path: test.info().outputPath('ratings-upload.png') });
});

/** A w×h gray PNG with a white rectangle at (x, y, bw, bh) on black. */
function png(w: number, h: number, box: [number, number, number, number]): Buffer {
  const img = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const inside = x >= box[0] && x < box[0] + box[2] && y >= box[1] && y < box[1] + box[3];
      const at = (y * w + x) * 4;
      img.data.fill(inside ? 255 : 0, at, at + 3);
      img.data[at + 3] = 255;
    }
  return PNG.sync.write(img);
}

/** A zip of `n` pictures (two classes, boxes in pixels) and its box table, optionally naming a missing image. */
function boxZip(n: number, missing = false): Buffer {
  const files: Record<string, Uint8Array> = {};
  const rows = ['file,x,y,w,h,class'];
  for (let i = 0; i < n; i++) {
    const box: [number, number, number, number] = [4 + (i % 5) * 3, 3 + (i % 4) * 2, 12 + (i % 3), 10];
    files[`pics/p${i}.png`] = png(48, 36, box);
    rows.push(`p${i}.png,${box.join(',')},${i % 2 ? 'wide' : 'tall'}`);
  }
  if (missing) rows.push('ghost.png,1,1,5,5,tall');
  files['pics/boxes.csv'] = new TextEncoder().encode(rows.join('\n'));
  return Buffer.from(zipSync(files));
}

test('a zip of images with a box table uploads through the data panel; a table naming a missing image keeps it', async ({
  page,
}) => {
  const data = await openData(page);
  const zip = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/zip', buffer });
  await data.upload('Upload images with boxes (.zip)…', 'Image zip file', zip('boxes.zip', boxZip(20)));
  await expect(data.fact('Samples')).toHaveText('20');
  await expect(data.fact('Box classes')).toHaveText('2');
  await expect(data.fact('Input')).toHaveText('(None, 32, 32, 1) float32');
  await expect(
    data.panel.getByRole('list', { name: 'Sample images' }).getByRole('img').first(),
  ).toBeVisible();
  // Moving the picture would not move its box: only noise is offered.
  await expect(data.panel.getByLabel('Noise')).toBeVisible();
  await expect(data.panel.getByLabel('Rotation')).toHaveCount(0);

  await data.upload('Upload images with boxes (.zip)…', 'Image zip file', zip('ghost.zip', boxZip(6, true)));
  await expect(data.alert).toContainText('"ghost.png" in row 8');
  await expect(data.panel.getByText('Current dataset: boxes.zip')).toBeVisible();
  await expect(data.fact('Samples')).toHaveText('20');
  await data.panel.screenshot({ path: test.info().outputPath('boxes-upload.png') });
});

test('an audio zip with FLAC, OGG and WAV recordings decodes in the browser; an undecodable MP3 is named', async ({
  page,
}) => {
  const data = await openData(page);
  const recordings = readFileSync(fixture('spoken-compressed.zip'));
  const zip = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/zip', buffer });
  await data.upload('Upload audio (folder or .zip)…', 'Audio zip file', zip('spoken.zip', recordings));
  // Three recordings per word: one WAV, one FLAC, one Ogg Vorbis, all decoded.
  await expect(data.fact('Samples')).toHaveText('6');
  await expect(
    data.panel.getByRole('list', { name: 'Sample spectrograms' }).getByRole('img').first(),
  ).toBeVisible();
  const notes = data.panel.getByRole('list', { name: 'Notes about the data' });
  await expect(notes).toContainText(
    '1 file was skipped: words/two/broken.mp3 (this browser could not decode its MP3 audio; convert it to WAV (16-bit PCM).)',
  );
  // Sound gets sound augmentations: masks, no mirror or rotation.
  await expect(data.panel.getByLabel('Time masking')).toBeVisible();
  await expect(data.panel.getByLabel('Frequency masking')).toBeVisible();
  await expect(data.panel.getByLabel('Random horizontal flip')).toHaveCount(0);
  await expect(data.panel.getByLabel('Rotation')).toHaveCount(0);
  await data.panel.getByLabel('Time masking').fill('0.3');
  await expect(data.panel.getByText('≤ 30 %')).toBeVisible();
  await expect(
    data.panel.getByRole('list', { name: 'Augmentation preview' }).getByRole('img').first(),
  ).toBeVisible();

  // A zip whose only recordings cannot be decoded: a sentence, and the six recordings stay.
  const broken = zipSync({
    'a/x.ogg': new TextEncoder().encode('OggS but nothing after'),
    'b/y.flac': new TextEncoder().encode('fLaC but nothing after'),
  });
  await data.upload(
    'Upload audio (folder or .zip)…',
    'Audio zip file',
    zip('broken.zip', Buffer.from(broken)),
  );
  await expect(data.alert).toContainText('this browser could not decode its');
  await expect(data.panel.getByText('Current dataset: spoken.zip')).toBeVisible();
  await expect(data.fact('Samples')).toHaveText('6');
  await data.panel.screenshot({ path: test.info().outputPath('audio-zip-upload.png') });
});
