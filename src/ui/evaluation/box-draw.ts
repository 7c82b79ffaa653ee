/** Drawing images and boxes on a canvas (Evaluate and Try-it of a localiser). */

export interface ImagePixels {
  /** Row-major floats in [0, 1], `channels` per pixel. */
  pixels: ArrayLike<number>;
  width: number;
  height: number;
  channels: number;
}

/** Draws an image scaled to the canvas and each box ([x, y, w, h] as fractions) in its colour. */
export function drawWithBoxes(
  canvas: HTMLCanvasElement,
  img: ImagePixels,
  boxes: { box: ArrayLike<number>; color: string }[],
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { width: w, height: h, channels: c, pixels } = img;
  const data = new ImageData(w, h);
  for (let p = 0; p < w * h; p++) {
    for (let k = 0; k < 3; k++) data.data[4 * p + k] = Math.round(255 * pixels[p * c + (c === 1 ? 0 : k)]);
    data.data[4 * p + 3] = 255;
  }
  const tmp = document.createElement('canvas');
  [tmp.width, tmp.height] = [w, h];
  tmp.getContext('2d')?.putImageData(data, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(tmp, 0, 0, canvas.width, canvas.height);
  ctx.lineWidth = 2;
  for (const { box, color } of boxes) {
    ctx.strokeStyle = color;
    ctx.strokeRect(
      box[0] * canvas.width,
      box[1] * canvas.height,
      box[2] * canvas.width,
      box[3] * canvas.height,
    );
  }
}

/** Decodes an image file and resizes it to width × height; gray as the luma of RGB when one channel. */
export async function fileToPixels(
  file: Blob,
  width: number,
  height: number,
  channels: number,
): Promise<Float32Array> {
  const bitmap = await createImageBitmap(file);
  const canvas = document.createElement('canvas');
  [canvas.width, canvas.height] = [width, height];
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2-D canvas');
  ctx.drawImage(bitmap, 0, 0, width, height);
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const out = new Float32Array(width * height * channels);
  for (let p = 0; p < width * height; p++) {
    const [r, g, b] = [rgba[4 * p], rgba[4 * p + 1], rgba[4 * p + 2]];
    if (channels === 1) out[p] = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
    else out.set([r / 255, g / 255, b / 255], p * 3);
  }
  return out;
}

/** Splits one prediction row of a localiser ([x, y, w, h, p(class 0) …]) into its box, class and probability. */
export function readBoxRow(row: ArrayLike<number>): { box: number[]; cls: number; p: number } {
  const box = [row[0], row[1], row[2], row[3]];
  let cls = 0;
  for (let k = 5; k < row.length; k++) if (row[k] > row[4 + cls]) cls = k - 4;
  return { box, cls, p: row[4 + cls] };
}
