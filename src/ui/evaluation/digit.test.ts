import { describe, expect, it } from 'vitest';
import { drawingToInput, imageDims, outputProbabilities } from './digit';

/** A 280×280 drawing with a filled rectangle of ink. */
function drawing(x0: number, y0: number, w: number, h: number): Float32Array {
  const g = new Float32Array(280 * 280);
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) g[y * 280 + x] = 1;
  return g;
}

function inkExtent(img: Float32Array, side: number) {
  const xs: number[] = [];
  const ys: number[] = [];
  img.forEach((v, i) => {
    if (v > 0) {
      xs.push(i % side);
      ys.push(Math.floor(i / side));
    }
  });
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

describe('drawingToInput', () => {
  it('scales the ink to a 20-pixel box and centres it, wherever it was drawn', () => {
    const input = drawingToInput(drawing(10, 10, 40, 100), 280, 280, [28, 28, 1]);
    expect(input).toHaveLength(784);
    const e = inkExtent(input, 28);
    expect(e.y1 - e.y0 + 1).toBe(20);
    expect(e.x1 - e.x0 + 1).toBe(8);
    expect((e.y0 + e.y1) / 2).toBeCloseTo(13.5, 0);
    expect((e.x0 + e.x1) / 2).toBeCloseTo(13.5, 0);
    expect(Math.max(...input)).toBeCloseTo(1, 5);
  });

  it('gives zeros for an empty drawing and repeats grey into every channel', () => {
    expect(drawingToInput(new Float32Array(280 * 280), 280, 280, [28, 28, 1]).every((v) => v === 0)).toBe(
      true,
    );
    const rgb = drawingToInput(drawing(100, 100, 50, 50), 280, 280, [32, 32, 3]);
    const i = rgb.findIndex((v) => v > 0);
    expect(rgb[i + 1]).toBe(rgb[i]);
    expect(rgb[i + 2]).toBe(rgb[i]);
  });

  it('reads flattened and rank-2 image shapes', () => {
    expect(imageDims([784])).toEqual({ h: 28, w: 28, c: 1 });
    expect(imageDims([28, 28])).toEqual({ h: 28, w: 28, c: 1 });
  });
});

describe('outputProbabilities', () => {
  it('turns one sigmoid unit into two class probabilities', () => {
    expect(outputProbabilities([0.8], ['no', 'yes'])[0]).toBeCloseTo(0.2, 10);
    expect(outputProbabilities([0.1, 0.9])).toEqual([0.1, 0.9]);
  });
});
