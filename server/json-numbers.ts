/**
 * Decimal → double conversions for the strict JSON reader (safe-json.ts): exact ones faster than V8's slow path
 * for 16–19-digit decimals, and a float32-only one for tensor data (see `nearFloat32`).
 */

/** 10^0 … 10^22: every one is an exact double, which is what the fast conversions rely on. */
export const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's constant for splitting a double into two 26-bit halves
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // the word holding sign and exponent

/**
 * The double nearest to `m × 10^e10` (m < 10^19 given as hi × 10^r + lo, hi < 10^15), or NaN when this fast
 * path cannot prove it (then the caller converts the text with `Number`). The value is computed as an
 * unevaluated sum s + t accurate to ~2^-100 relative (Dekker's exact product, Sterbenz's exact difference); s
 * is the correctly rounded result unless t lies within that error of half an ulp of s, which is checked.
 */
export function doubleDouble(hi: number, r: number, lo: number, e10: number): number {
  // m = hi × 10^r + lo exactly, as mh + ml.
  let mh = hi * POW10[r];
  let ml = twoProductError(hi, POW10[r], mh);
  const sum = mh + lo;
  ml += lo - (sum - mh);
  mh = sum;
  let s: number;
  let t: number;
  if (e10 >= 0) {
    const p = POW10[e10];
    s = mh * p;
    t = twoProductError(mh, p, s) + ml * p;
  } else {
    const p = POW10[-e10];
    const q1 = mh / p;
    const prod = q1 * p;
    const rest = mh - prod - twoProductError(q1, p, prod) + ml;
    s = q1;
    t = rest / p;
  }
  const rounded = s + t;
  t -= rounded - s;
  s = rounded;
  bits[0] = s;
  const high = words[HIGH];
  const exponent = (high >>> 20) & 0x7ff;
  // Powers of two (whose ulp below is half the ulp above) and values far from 1 are left to `Number`.
  if (exponent < 100 || exponent > 2000 || ((high & 0xfffff) === 0 && words[1 - HIGH] === 0)) return NaN;
  words[HIGH] = (exponent - 53) << 20;
  words[1 - HIGH] = 0;
  const halfUlp = bits[0];
  return Math.abs(t) < halfUlp - Math.abs(s) * 2 ** -90 ? s : NaN;
}

/**
 * `m × 10^e10` (|e10| ≤ 22) to within 2^-51 relative (three correctly rounded operations), when every value that
 * close rounds to the same float32 — then it rounds to the float32 of the exact decimal too — else NaN.
 */
export function nearFloat32(m: number, e10: number): number {
  const value = e10 < 0 ? m / POW10[-e10] : m * POW10[e10];
  const margin = value * FLOAT32_MARGIN;
  return Math.fround(value - margin) === Math.fround(value + margin) ? value : Number.NaN;
}
const FLOAT32_MARGIN = 2 ** -45;

/** The rounding error of `product = a × b` (Dekker's TwoProduct without FMA): a × b = product + error exactly. */
function twoProductError(a: number, b: number, product: number): number {
  let c = SPLITTER * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLITTER * b;
  const bh = c - (c - b);
  const bl = b - bh;
  return ah * bh - product + ah * bl + al * bh + al * bl;
}
