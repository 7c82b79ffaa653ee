/**
 * Turns a hand drawing into a model input the way MNIST was made: crop the ink, scale its longer side to 20 of
 * 28 pixels (area averaging, so thin strokes become grey rather than vanish), and place it so its centre of
 * mass sits at the centre. Pure, so it is tested in Node.
 */

/** Height, width and channels of an image input shape ([h, w, c], [h, w] or a flattened square [h·w]). */
export function imageDims(inputShape: number[]): { h: number; w: number; c: number } {
  if (inputShape.length >= 3) return { h: inputShape[0], w: inputShape[1], c: inputShape[2] };
  if (inputShape.length === 2) return { h: inputShape[0], w: inputShape[1], c: 1 };
  const side = Math.round(Math.sqrt(inputShape[0] ?? 0));
  return { h: side, w: side, c: 1 };
}

const INK = 0.05;
/** MNIST fits digits in a 20×20 box inside 28×28. */
const FIT = 20 / 28;

function inkBox(gray: ArrayLike<number>, w: number, h: number) {
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (gray[y * w + x] <= INK) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  return x1 < 0 ? null : { x0, y0, bw: x1 - x0 + 1, bh: y1 - y0 + 1 };
}

/** Area-averages the box (x0, y0, bw, bh) of `gray` into an fw × fh image. */
function resampleBox(
  gray: ArrayLike<number>,
  w: number,
  box: { x0: number; y0: number; bw: number; bh: number },
  fw: number,
  fh: number,
) {
  const out = new Float32Array(fw * fh);
  const sx = box.bw / fw;
  const sy = box.bh / fh;
  for (let oy = 0; oy < fh; oy++) {
    const ya = Math.floor(oy * sy);
    const yb = Math.max(ya + 1, Math.floor((oy + 1) * sy));
    for (let ox = 0; ox < fw; ox++) {
      const xa = Math.floor(ox * sx);
      const xb = Math.max(xa + 1, Math.floor((ox + 1) * sx));
      let sum = 0;
      for (let y = ya; y < yb; y++) for (let x = xa; x < xb; x++) sum += gray[(box.y0 + y) * w + box.x0 + x];
      out[oy * fw + ox] = sum / ((yb - ya) * (xb - xa));
    }
  }
  return out;
}

function centreOfMass(img: Float32Array, fw: number): { cx: number; cy: number } {
  let total = 0;
  let cx = 0;
  let cy = 0;
  img.forEach((v, i) => {
    total += v;
    cx += (i % fw) * v;
    cy += Math.floor(i / fw) * v;
  });
  return total > 0 ? { cx: cx / total, cy: cy / total } : { cx: fw / 2, cy: img.length / fw / 2 };
}

/**
 * A drawing (grey values 0–1, white ink on black, `w` × `h`) as a model input of `inputShape`, row-major
 * with channels last. An empty drawing gives all zeros.
 */
export function drawingToInput(
  gray: ArrayLike<number>,
  w: number,
  h: number,
  inputShape: number[],
): Float32Array {
  const dims = imageDims(inputShape);
  const out = new Float32Array(dims.h * dims.w * dims.c);
  const box = inkBox(gray, w, h);
  if (!box) return out;
  const scale = (FIT * Math.min(dims.h, dims.w)) / Math.max(box.bw, box.bh);
  const fw = Math.max(1, Math.min(dims.w, Math.round(box.bw * scale)));
  const fh = Math.max(1, Math.min(dims.h, Math.round(box.bh * scale)));
  const fitted = resampleBox(gray, w, box, fw, fh);
  const { cx, cy } = centreOfMass(fitted, fw);
  // Centre of mass to the centre, but never push ink off the edge.
  const left = Math.min(dims.w - fw, Math.max(0, Math.round(dims.w / 2 - cx - 0.5)));
  const top = Math.min(dims.h - fh, Math.max(0, Math.round(dims.h / 2 - cy - 0.5)));
  for (let y = 0; y < fh; y++) {
    for (let x = 0; x < fw; x++) {
      const v = fitted[y * fw + x];
      for (let ch = 0; ch < dims.c; ch++) out[((top + y) * dims.w + left + x) * dims.c + ch] = v;
    }
  }
  return out;
}

/** Probabilities to show from a model output: a single sigmoid unit becomes [1 − p, p] for two classes. */
export function outputProbabilities(output: ArrayLike<number>, classNames?: string[]): number[] {
  if (output.length === 1 && classNames?.length === 2) return [1 - output[0], output[0]];
  return Array.from(output);
}
