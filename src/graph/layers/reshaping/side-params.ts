import type { Rng } from '../../define';
import { int } from '../../params';

/** Four per-side sizes of a 2-D padding or cropping, shown as separate fields in the inspector. */
export function sideParams(d: number, what: string) {
  return {
    top: int({ min: 0, default: d, help: `Rows ${what} at the top.` }),
    bottom: int({ min: 0, default: d, help: `Rows ${what} at the bottom.` }),
    left: int({ min: 0, default: d, help: `Columns ${what} on the left.` }),
    right: int({ min: 0, default: d, help: `Columns ${what} on the right.` }),
  };
}

/** Per-side sizes of a 2-D padding or cropping. */
export interface Sides {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The nested TF.js form [[top, bottom], [left, right]]. */
export function toNested(p: Sides): number[][] {
  return [
    [p.top, p.bottom],
    [p.left, p.right],
  ];
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Reads every form TF.js and Keras accept: n, [h, w] or [[top, bottom], [left, right]]. */
export function fromNested(v: unknown): Partial<Sides> {
  if (isCount(v)) return { top: v, bottom: v, left: v, right: v };
  if (!Array.isArray(v) || v.length !== 2) return {};
  const [h, w] = v as unknown[];
  if (isCount(h) && isCount(w)) return { top: h, bottom: h, left: w, right: w };
  const pair = (a: unknown) =>
    Array.isArray(a) && a.length === 2 && a.every(isCount) ? (a as number[]) : null;
  const hp = pair(h);
  const wp = pair(w);
  return hp && wp ? { top: hp[0], bottom: hp[1], left: wp[0], right: wp[1] } : {};
}

/** Random per-side sizes in [0, max]. */
export function sampleSides(rng: Rng, max: number): Sides {
  const r = () => Math.floor(rng() * (max + 1));
  return { top: r(), bottom: r(), left: r(), right: r() };
}
