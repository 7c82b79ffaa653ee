/** Cell code for a missing value. */
export const MISSING = -1;
/** Cell code for a number (its value is in `num`). */
export const NUMBER = -2;

const MISSING_TOKENS = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?']);
const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** True when a cell counts as missing (empty, "NA", "null", "?" …). */
export function isMissingToken(cell: string): boolean {
  return MISSING_TOKENS.has(cell.trim().toLowerCase());
}

/** Parses a plain decimal number; null for anything else (so "0x1F" or "1,5" stay text). */
export function parseNumber(cell: string): number | null {
  const t = cell.trim();
  return NUMERIC.test(t) ? Number(t) : null;
}

/**
 * One CSV column stored compactly: numbers in `num`, other strings dictionary-encoded in `dict`, and per row a
 * code (MISSING, NUMBER, or an index into `dict`). Large files stay small in memory this way.
 */
export class RawColumn {
  name: string;
  length = 0;
  num = new Float64Array(1024);
  codes = new Int32Array(1024);
  dict: string[] = [];
  private lookup = new Map<string, number>();
  missing = 0;
  numeric = 0;

  constructor(name: string) {
    this.name = name;
  }

  /** Appends one cell. */
  push(cell: string): void {
    if (this.length === this.codes.length) this.grow();
    const i = this.length++;
    // Fast path first: most cells of large files are plain numbers.
    const n = NUMERIC.test(cell)
      ? Number(cell)
      : cell.length && !isMissingToken(cell)
        ? parseNumber(cell)
        : null;
    if (n !== null) {
      this.codes[i] = NUMBER;
      this.num[i] = n;
      this.numeric++;
      return;
    }
    if (cell.length === 0 || isMissingToken(cell)) {
      this.codes[i] = MISSING;
      this.missing++;
      return;
    }
    const s = cell.trim();
    let id = this.lookup.get(s);
    if (id === undefined) {
      id = this.dict.length;
      this.dict.push(s);
      this.lookup.set(s, id);
    }
    this.codes[i] = id;
  }

  /** The cell as text, or null when missing. */
  text(row: number): string | null {
    const c = this.codes[row];
    return c === MISSING ? null : c === NUMBER ? String(this.num[row]) : this.dict[c];
  }

  /** Number of cells that are neither missing nor numbers. */
  get textCount(): number {
    return this.length - this.missing - this.numeric;
  }

  /** First row (0-based) holding text, or -1. */
  firstTextRow(): number {
    for (let i = 0; i < this.length; i++) if (this.codes[i] >= 0) return i;
    return -1;
  }

  private grow(): void {
    const num = new Float64Array(this.num.length * 2);
    num.set(this.num);
    const codes = new Int32Array(this.codes.length * 2);
    codes.set(this.codes);
    this.num = num;
    this.codes = codes;
  }
}

/** A parsed CSV file: column names and columns of equal length. */
export interface RawTable {
  delimiter: string;
  hasHeader: boolean;
  columns: RawColumn[];
  rows: number;
  /** The first rows as written, for the preview table. */
  head: string[][];
  warnings: string[];
}
