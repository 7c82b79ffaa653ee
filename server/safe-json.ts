import { doubleDouble, nearFloat32, POW10 } from './json-numbers.ts';

/**
 * A strict JSON reader for request bodies, in one pass. It accepts exactly the JSON grammar (`JSON.parse`'s:
 * no `NaN`/`Infinity`, no comments, no trailing commas) and refuses what `JSON.parse` lets through: duplicate
 * keys (which silently keep the last value), `__proto__` keys, and nesting deeper than a limit (checked before
 * descending, so a 10,000-deep body never recurses past the limit). Values are plain JSON values, identical to
 * `JSON.parse`'s, numbers included (bit for bit).
 *
 * Why not `JSON.parse` after a structural scan (the first version): a predict body is mostly numbers, and
 * converting a 17-digit decimal such as `Math.random()` prints costs V8 ~100 ns; this reader converts such
 * numbers exactly in double-double arithmetic (~20 ns) and needs no second pass over the text.
 */
export class JsonBodyError extends Error {}

/**
 * A rectangular nested array of JSON numbers (every dimension ≥ 1), read straight into one flat buffer instead of
 * one JS array per row: `shape` as `nestedShape` would read it, `data` the numbers in row-major order. Only
 * where a `PackRule` asks for it (the tensor fields of inference bodies); `unpack` turns it back into the
 * nested arrays the plain reader returns.
 */
export class PackedArray {
  constructor(
    readonly shape: number[],
    /**
     * The doubles `JSON.parse` gives, unless `exact` is false: then some numbers of 16–19 digits were converted
     * only closely enough to round to the right float32 (`Reader.number(true)`): right for FP32, and `unpack`
     * reads `source` again for anything else.
     */
    readonly data: Float64Array,
    readonly exact: boolean,
    readonly source: string,
  ) {}
}

/** Where to try packing: an array that is the value of `key` in an object at `depth` (the body itself is 1). */
export type PackRule = (depth: number, key: string) => boolean;

/**
 * The tensor fields of inference bodies, read as PackedArray when they are plain arrays of numbers (no JS array
 * per row): TF Serving's top-level `instances` / `inputs`, V2's `inputs[i].data`. A route opts in with
 * `config: { pack: 'predict' | 'infer' }` and must accept PackedArray there (rest.ts, tensors.ts).
 */
export const PACK_RULES: Record<'predict' | 'infer', PackRule> = {
  predict: (depth, key) => depth === 1 && (key === 'instances' || key === 'inputs'),
  infer: (depth, key) => depth === 3 && key === 'data',
};

/**
 * `value` with every PackedArray inside it replaced (in place) by the nested arrays the plain reader returns.
 */
export function unpack(value: unknown): unknown {
  if (value instanceof PackedArray) {
    const { shape, data } = value;
    if (!value.exact) return parseJsonBody(value.source, shape.length);
    let k = 0;
    const build = (dim: number): unknown[] => {
      const out: unknown[] = new Array(shape[dim]);
      for (let i = 0; i < shape[dim]; i++) out[i] = dim === shape.length - 1 ? data[k++] : build(dim + 1);
      return out;
    };
    return build(0);
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (typeof value[i] === 'object') value[i] = unpack(value[i]);
    }
  } else if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    for (const key of Object.keys(o)) o[key] = unpack(o[key]);
  }
  return value;
}

/**
 * Buffers reused from one parse to the next (parsing is synchronous, so one at a time), up to SCRATCH_LIMIT
 * elements: a predict body no longer allocates a code-unit copy and a number buffer each time.
 */
const SCRATCH_LIMIT = 1 << 20;
const scratch = { codes: new Uint16Array(0), numbers: new Float64Array(0) };

/** Thrown inside a packing attempt when the array is not a rectangular array of numbers. */
const NOT_PACKABLE = new Error('not packable');

class Reader {
  i = 0;
  /** Numbers of the array being packed, and how many. */
  private buffer = scratch.numbers;
  private count = 0;
  /** Whether `number(true)` took the float32-only conversion since this was last reset. */
  private inexact = false;

  constructor(
    private readonly text: string,
    /** The text's UTF-16 code units, then two 0s (then anything): indexing is ~3× faster than charCodeAt. */
    private readonly codes: Uint16Array,
    private readonly maxDepth: number,
    private readonly packRule: PackRule | null = null,
  ) {}

  /**
   * At `[`: the array as a PackedArray, or null (position restored) when it is anything else — then the plain
   * reader reads it, so every refusal and its message comes from one place. `depth` is the array's own.
   */
  packed(depth: number): PackedArray | null {
    const start = this.i;
    const shape: number[] = [];
    this.count = 0;
    this.inexact = false;
    try {
      this.packLevel(0, depth, shape);
    } catch {
      this.i = start;
      return null;
    }
    const data = this.buffer.slice(0, this.count);
    return new PackedArray(shape, data, !this.inexact, this.text.slice(start, this.i));
  }

  /**
   * One array at `level` (0 = the outermost). The first array seen at a level fixes its length in `shape`
   * (a placeholder is pushed on entry, so deeper levels land after it); every later one must match.
   */
  private packLevel(level: number, depth: number, shape: number[]): void {
    if (depth > this.maxDepth) throw NOT_PACKABLE;
    const first = level === shape.length;
    let leaves: boolean;
    if (first) {
      shape.push(-1);
      leaves = this.peekIsNumber();
    } else leaves = level === shape.length - 1;
    this.i++;
    let n = 0;
    for (;;) {
      const c = this.peek();
      if (leaves) {
        if (!((c >= 0x30 && c <= 0x39) || c === 0x2d)) throw NOT_PACKABLE;
        if (this.count === this.buffer.length) this.grow();
        this.buffer[this.count++] = this.number(true);
      } else {
        if (c !== 0x5b) throw NOT_PACKABLE;
        this.packLevel(level + 1, depth + 1, shape);
      }
      n++;
      const next = this.peek();
      this.i++;
      if (next === 0x2c) continue;
      if (next !== 0x5d) throw NOT_PACKABLE;
      break;
    }
    if (first) shape[level] = n;
    else if (shape[level] !== n) throw NOT_PACKABLE;
  }

  /** Whether the first element of the array at the current `[` is a number (the position is kept). */
  private peekIsNumber(): boolean {
    const at = this.i;
    this.i++;
    const c = this.peek();
    this.i = at;
    return (c >= 0x30 && c <= 0x39) || c === 0x2d;
  }

  private grow(): void {
    const next = new Float64Array(Math.max(1024, this.buffer.length * 2));
    next.set(this.buffer);
    this.buffer = next;
    if (next.length <= SCRATCH_LIMIT) scratch.numbers = next;
  }

  fail(what: string): never {
    if (this.i >= this.text.length) throw new JsonBodyError('invalid JSON: unexpected end of input');
    throw new JsonBodyError(`invalid JSON: ${what} at position ${this.i}`);
  }

  /** Skips JSON whitespace (space, tab, line feed, carriage return) and returns the next character code. */
  peek(): number {
    const { codes } = this;
    let i = this.i;
    let c = codes[i];
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = codes[++i];
    this.i = i;
    return c;
  }

  value(depth: number): unknown {
    const c = this.peek();
    if (c === 0x22) return this.string();
    if ((c >= 0x30 && c <= 0x39) || c === 0x2d) return this.number();
    if (c === 0x5b || c === 0x7b) {
      if (depth >= this.maxDepth) throw new JsonBodyError(`JSON nesting deeper than ${this.maxDepth} levels`);
      return c === 0x5b ? this.array(depth + 1) : this.object(depth + 1);
    }
    if (this.text.startsWith('true', this.i)) return this.literal(4, true);
    if (this.text.startsWith('false', this.i)) return this.literal(5, false);
    if (this.text.startsWith('null', this.i)) return this.literal(4, null);
    return this.fail('unexpected character');
  }

  literal<T>(length: number, value: T): T {
    this.i += length;
    return value;
  }

  array(depth: number): unknown[] {
    this.i++;
    const out: unknown[] = [];
    if (this.peek() === 0x5d) {
      this.i++;
      return out;
    }
    for (;;) {
      const first = this.peek();
      // Numbers go straight in (no detour through `value`, which would box each one).
      if ((first >= 0x30 && first <= 0x39) || first === 0x2d) out.push(this.number());
      else out.push(this.value(depth));
      const c = this.peek();
      this.i++;
      if (c === 0x2c) continue;
      if (c === 0x5d) return out;
      this.i--;
      return this.fail('expected "," or "]"');
    }
  }

  object(depth: number): Record<string, unknown> {
    this.i++;
    const out: Record<string, unknown> = {};
    if (this.peek() === 0x7d) {
      this.i++;
      return out;
    }
    for (;;) {
      if (this.peek() !== 0x22) this.fail('expected a string key');
      const key = this.string();
      if (key === '__proto__') throw new JsonBodyError('invalid JSON: key "__proto__" is not allowed');
      if (Object.hasOwn(out, key)) throw new JsonBodyError(`invalid JSON: duplicate key "${key}"`);
      if (this.peek() !== 0x3a) this.fail('expected ":"');
      this.i++;
      const packed =
        this.packRule !== null && this.peek() === 0x5b && this.packRule(depth, key)
          ? this.packed(depth + 1)
          : null;
      out[key] = packed ?? this.value(depth);
      const c = this.peek();
      this.i++;
      if (c === 0x2c) continue;
      if (c === 0x7d) return out;
      this.i--;
      return this.fail('expected "," or "}"');
    }
  }

  string(): string {
    const { text, codes } = this;
    const start = this.i;
    let i = start + 1;
    let plain = true;
    for (;;) {
      const c = codes[i];
      if (c === 0x22) break;
      if (c === 0x5c) {
        plain = false;
        i += 2;
        continue;
      }
      // Past the end (a 0 after it, also after a final backslash) fail() says "unexpected end of input".
      if (!(c >= 0x20)) {
        this.i = i;
        this.fail('control character in string');
      }
      i++;
    }
    this.i = i + 1;
    if (plain) return text.slice(start + 1, i);
    try {
      return JSON.parse(text.slice(start, i + 1)) as string;
    } catch {
      this.i = start;
      return this.fail('bad escape in string');
    }
  }

  /** -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? — checked strictly, then converted (see doubleDouble). */
  number(float32 = false): number {
    const { text, codes } = this;
    const start = this.i;
    let i = start;
    let negative = false;
    if (codes[i] === 0x2d) {
      negative = true;
      i++;
    }
    let hi = 0; // the first 15 significant digits
    let lo = 0; // up to 4 more
    let digits = 0; // significant digits seen (leading zeros are not significant)
    let scale = 0; // power of ten to apply to hi·10^(digits−15)+lo, before the exponent
    let c = codes[i];
    if (c === 0x30) {
      c = codes[++i];
    } else if (c >= 0x31 && c <= 0x39) {
      do {
        if (digits < 15) hi = hi * 10 + (c - 0x30);
        else if (digits < 19) lo = lo * 10 + (c - 0x30);
        else scale++;
        digits++;
        c = codes[++i];
      } while (c >= 0x30 && c <= 0x39);
    } else {
      this.i = i;
      return this.fail('bad number');
    }
    if (c === 0x2e) {
      c = codes[++i];
      if (!(c >= 0x30 && c <= 0x39)) {
        this.i = i;
        return this.fail('bad number');
      }
      do {
        if (digits === 0 && c === 0x30) scale--;
        else {
          if (digits < 15) hi = hi * 10 + (c - 0x30);
          else if (digits < 19) lo = lo * 10 + (c - 0x30);
          if (digits < 19) scale--;
          digits++;
        }
        c = codes[++i];
      } while (c >= 0x30 && c <= 0x39);
    }
    let exponent = 0;
    if (c === 0x65 || c === 0x45) {
      c = codes[++i];
      let sign = 1;
      if (c === 0x2b || c === 0x2d) {
        if (c === 0x2d) sign = -1;
        c = codes[++i];
      }
      if (!(c >= 0x30 && c <= 0x39)) {
        this.i = i;
        return this.fail('bad number');
      }
      do {
        if (exponent < 100_000) exponent = exponent * 10 + (c - 0x30);
        c = codes[++i];
      } while (c >= 0x30 && c <= 0x39);
      exponent *= sign;
    }
    this.i = i;
    let value = Number.NaN;
    const e10 = scale + exponent;
    if (digits === 0) value = 0;
    else if (digits > 19) value = Number.NaN;
    else if (digits <= 15) {
      // Clinger's fast path: both operands are exact doubles, so one IEEE operation rounds correctly.
      if (e10 === 0) value = hi;
      else if (e10 > 0 && e10 <= 22) value = hi * POW10[e10];
      else if (e10 < 0 && e10 >= -22) value = hi / POW10[-e10];
    } else if (e10 >= -22 && e10 <= 22) {
      if (float32) value = nearFloat32(hi * POW10[digits - 15] + lo, e10);
      if (Number.isNaN(value)) value = doubleDouble(hi, digits - 15, lo, e10);
      else this.inexact = true;
    }
    if (Number.isNaN(value)) return Number(text.slice(start, i));
    return negative ? -value : value;
  }
}

/**
 * Parses a request body strictly (see above); any problem is a JsonBodyError. With `pack`, the arrays it names
 * that are rectangular arrays of numbers come back as PackedArray (see there); nothing else changes.
 */
export function parseJsonBody(
  text: string,
  maxDepth: number,
  pack: PackRule | null = null,
  utf8: Uint8Array | null = null,
): unknown {
  const n = text.length;
  const codes =
    n + 2 <= scratch.codes.length
      ? scratch.codes
      : new Uint16Array(Math.max(n + 2, Math.min(2 * scratch.codes.length, SCRATCH_LIMIT)));
  if (codes.length <= SCRATCH_LIMIT) scratch.codes = codes;
  // `utf8`, the bytes `text` was decoded from, has one byte per character exactly when all are ASCII.
  if (utf8 !== null && utf8.length === n) codes.set(utf8);
  else for (let i = 0; i < n; i++) codes[i] = text.charCodeAt(i);
  // Two 0s after the end: a reader past the end (at most 2 past, after a final backslash) sees a stop.
  codes[n] = 0;
  codes[n + 1] = 0;
  const reader = new Reader(text, codes, maxDepth, pack);
  const value = reader.value(0);
  reader.peek();
  if (reader.i < text.length) reader.fail('unexpected text after the value');
  return value;
}
