import { throwIfCancelled } from '../csv/decode';
import { isUnsafePath, readZip } from '../images/archive';
import type { ImageDecoder } from '../images/decode';
import { readImageHeader } from '../images/formats';
import type { DataErrorDetail, ImageOptions, Progress } from '../types';
import { DataError } from '../types';
import type { BoxSet } from './boxes';

interface BoxRow {
  row: number;
  file: string;
  box: [number, number, number, number];
  className: string;
}

const unquote = (s: string) => s.trim().replace(/^"(.*)"$/, '$1');

/** Reads the box table: file, x, y, w, h, class per row (a header row is recognised by a non-numeric x). */
export function parseBoxCsv(text: string): BoxRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const delimiter = lines[0]?.includes('\t') ? '\t' : lines[0]?.includes(';') ? ';' : ',';
  const header = lines.length > 0 && !Number.isFinite(Number(unquote(lines[0].split(delimiter)[1] ?? '')));
  const rows = header ? lines.slice(1) : lines;
  if (rows.length === 0)
    throw new DataError('The box table has no rows (expected file, x, y, w, h, class).', {
      code: 'boxTableEmpty',
    });
  return rows.map((line, r) => {
    const row = r + (header ? 2 : 1);
    const cells = line.split(delimiter).map(unquote);
    if (cells.length !== 6) {
      throw new DataError(
        `Row ${row} of the box table has ${cells.length} field${cells.length === 1 ? '' : 's'}; each row needs 6: file, x, y, w, h, class.`,
        { code: 'boxRowFields', values: { row, count: cells.length } },
      );
    }
    const box = cells.slice(1, 5).map(Number) as BoxRow['box'];
    if (box.some((v) => !Number.isFinite(v)) || box[2] <= 0 || box[3] <= 0 || box[0] < 0 || box[1] < 0)
      throw new DataError(
        `Row ${row}: the box "${cells.slice(1, 5).join(', ')}" is not four numbers with a positive width and height.`,
        { code: 'boxNotNumbers', values: { row, box: cells.slice(1, 5).join(', ') } },
      );
    if (!cells[5])
      throw new DataError(`Row ${row} has no class name.`, { code: 'boxNoClass', values: { row } });
    return { row, file: cells[0].replace(/\\/g, '/'), box, className: cells[5] };
  });
}

/** Finds the image a row names: by its path next to the table, by its full path, or by its file name. */
function imageIndex(files: Record<string, Uint8Array>, folder: string) {
  const byName = new Map<string, string>();
  for (const path of Object.keys(files)) {
    if (isUnsafePath(path)) continue;
    byName.set(path, path);
    if (!byName.has(path.split('/').pop()!)) byName.set(path.split('/').pop()!, path);
  }
  return (file: string) =>
    byName.get(folder + file) ?? byName.get(file) ?? byName.get(file.split('/').pop()!);
}

/**
 * Reads a zip holding images and one CSV of boxes. Pixel coordinates are divided by each image's own size; a
 * table whose numbers are all within [0, 1] is taken as already normalised. Rows naming images the zip does not
 * hold, or boxes outside their image, stop the import with a sentence naming them.
 */
export async function loadBoxZip(
  bytes: Uint8Array,
  options: ImageOptions,
  decode: ImageDecoder,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<BoxSet> {
  const files = readZip(bytes);
  const tables = Object.keys(files).filter((p) => /\.csv$/i.test(p) && !/(^|\/)(__MACOSX|\.)/.test(p));
  if (tables.length !== 1)
    throw tables.length === 0
      ? new DataError('The zip holds no CSV of boxes: add one with the columns file, x, y, w, h, class.', {
          code: 'boxNoCsv',
        })
      : new DataError(
          `The zip holds ${tables.length} CSV files (${tables.slice(0, 3).join(', ')}); keep just the box table.`,
          { code: 'boxManyCsv', values: { count: tables.length, files: tables.slice(0, 3).join(', ') } },
        );
  const rows = parseBoxCsv(new TextDecoder().decode(files[tables[0]]));
  const find = imageIndex(files, tables[0].includes('/') ? tables[0].replace(/[^/]+$/, '') : '');
  const missing = rows.filter((r) => !find(r.file));
  if (missing.length > 0)
    throw new DataError(
      `${missing.length} row${missing.length === 1 ? ' names an image' : 's name images'} the zip does not hold (e.g. ${missing
        .slice(0, 3)
        .map((r) => `"${r.file}" in row ${r.row}`)
        .join(', ')}).`,
      {
        code: 'boxMissingImages',
        values: {
          count: missing.length,
          examples: missing
            .slice(0, 3)
            .map((r): DataErrorDetail => ({ code: 'missingExample', values: { file: r.file, row: r.row } })),
        },
      },
    );
  const normalised = rows.every((r) => r.box.every((v) => v <= 1));
  const classNames = [...new Set(rows.map((r) => r.className))].sort();
  const { width: w, height: h, channels } = options;
  const images = new Float32Array(rows.length * w * h * channels);
  const boxes = new Float32Array(rows.length * 4);
  const labels = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    throwIfCancelled(signal);
    const r = rows[i];
    const data = files[find(r.file)!];
    const head = readImageHeader(data);
    if (!head)
      throw new DataError(`Row ${r.row}: "${r.file}" is not an image the studio can read.`, {
        code: 'boxImageUnreadable',
        values: { row: r.row, file: r.file },
      });
    const [x, y, bw, bh] = normalised
      ? r.box
      : [r.box[0] / head.width, r.box[1] / head.height, r.box[2] / head.width, r.box[3] / head.height];
    if (x + bw > 1.001 || y + bh > 1.001)
      throw new DataError(
        `Row ${r.row}: the box reaches outside "${r.file}" (${head.width}×${head.height}).`,
        {
          code: 'boxOutside',
          values: { row: r.row, file: r.file, width: head.width, height: head.height },
        },
      );
    const rgba = await decode(data, head.type, w, h).catch(() => {
      throw new DataError(`Row ${r.row}: "${r.file}" is damaged or cannot be decoded.`, {
        code: 'boxDamaged',
        values: { row: r.row, file: r.file },
      });
    });
    writePixels(rgba, images, i * w * h * channels, channels);
    boxes.set([x, y, bw, bh], i * 4);
    labels[i] = classNames.indexOf(r.className);
    if (i % 16 === 0) onProgress?.({ phase: 'Decoding', fraction: i / rows.length });
  }
  return { images, width: w, height: h, channels, boxes, labels, classNames };
}

/** RGBA bytes → floats in [0, 1]: RGB, or gray as the luma of RGB. */
function writePixels(rgba: Uint8ClampedArray, out: Float32Array, at: number, channels: 1 | 3): void {
  for (let p = 0; p < rgba.length / 4; p++) {
    const [r, g, b] = [rgba[4 * p], rgba[4 * p + 1], rgba[4 * p + 2]];
    if (channels === 1) out[at + p] = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
    else out.set([r / 255, g / 255, b / 255], at + 3 * p);
  }
}
