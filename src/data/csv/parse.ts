import Papa from 'papaparse';
import type { Progress } from '../types';
import { DataError } from '../types';
import { readUtf8Chunks, throwIfCancelled } from './decode';
import { isMissingToken, parseNumber, RawColumn, type RawTable } from './table';

/** Most columns a file may have; wider "tables" are almost always a wrong delimiter or not a CSV at all. */
export const MAX_COLUMNS = 10_000;
const HEAD_ROWS = 50;
const GUESS = [',', ';', '\t', '|'];

export interface ParseOptions {
  /** Field separator; detected from the first lines when absent. */
  delimiter?: string;
  /** Whether the first row holds names; detected when absent. */
  hasHeader?: boolean;
  /** Bytes decoded per step (tests use small steps to cross chunk boundaries). */
  chunkBytes?: number;
}

/** Guesses the delimiter from a sample of the text (papaparse's detector over , ; tab |). */
export function detectDelimiter(sample: string): string {
  const r = Papa.parse<string[]>(sample.slice(0, 65536), { preview: 20, delimitersToGuess: GUESS });
  return r.meta.delimiter || ',';
}

/**
 * True when the first row looks like column names: every cell is non-empty text, and some column has a text
 * name above numbers, or (for all-text tables) no name reappears in its own column.
 */
export function looksLikeHeader(rows: string[][]): boolean {
  const [first, ...rest] = rows;
  if (!first || first.some((c) => isMissingToken(c) || parseNumber(c) !== null)) return false;
  if (rest.length === 0) return true;
  const numericBelow = first.some((_, j) =>
    rest.some((r) => r[j] !== undefined && parseNumber(r[j]) !== null),
  );
  if (numericBelow) return true;
  return first.every((name, j) => !rest.some((r) => r[j]?.trim() === name.trim()));
}

/** Column names from a header row: blanks become "column N", repeats get " (2)", " (3)" … with a warning. */
export function columnNames(header: string[] | null, width: number, warnings: string[]): string[] {
  const seen = new Map<string, number>();
  const dupes = new Set<string>();
  return Array.from({ length: width }, (_, j) => {
    const raw = header?.[j]?.trim() || `column ${j + 1}`;
    const n = (seen.get(raw) ?? 0) + 1;
    seen.set(raw, n);
    if (n === 1) return raw;
    if (!dupes.has(raw)) {
      dupes.add(raw);
      warnings.push(
        `The column name "${raw}" appears more than once; the repeats were renamed "${raw} (2)" and so on.`,
      );
    }
    return `${raw} (${n})`;
  });
}

/** Index just past the last line break that is outside quotes, or -1 when the text holds no complete record. */
export function lastRecordEnd(text: string): number {
  let inQuotes = false;
  let end = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (c === 10 && !inQuotes) end = i + 1;
  }
  return end;
}

/** Streams a CSV blob into a compact column table, off the main thread when called from the data worker. */
export async function parseCsv(
  blob: Blob,
  options: ParseOptions = {},
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<RawTable> {
  const builder = new TableBuilder(options);
  let carry = '';
  await readUtf8Chunks(
    blob,
    (text) => {
      throwIfCancelled(signal);
      carry += text;
      const end = lastRecordEnd(carry);
      if (end < 0) return;
      builder.add(carry.slice(0, end));
      carry = carry.slice(end);
    },
    onProgress,
    signal,
    options.chunkBytes,
  );
  if (carry.trim()) builder.add(carry);
  return builder.finish();
}

class TableBuilder {
  private delimiter: string | undefined;
  private early: string[][] = [];
  private columns: RawColumn[] | null = null;
  private width = 0;
  private record = 0;
  private hasHeader = false;
  private head: string[][] = [];
  private warnings: string[] = [];

  constructor(private options: ParseOptions) {
    this.delimiter = options.delimiter;
  }

  add(text: string): void {
    this.delimiter ??= detectDelimiter(text);
    const r = Papa.parse<string[]>(text, { delimiter: this.delimiter, skipEmptyLines: true });
    const quote = r.errors.find((e) => e.type === 'Quotes');
    if (quote) {
      const row = this.record + (quote.row ?? 0) + 1;
      throw new DataError(`Row ${row} has a quote (") that is never closed.`, {
        code: 'unclosedQuote',
        values: { row },
      });
    }
    for (const row of r.data) this.addRow(row);
  }

  private addRow(row: string[]): void {
    this.record++;
    if (row.length > MAX_COLUMNS) {
      throw new DataError(
        `Row ${this.record} has ${row.length.toLocaleString('en-US')} fields; the studio reads at most ${MAX_COLUMNS.toLocaleString('en-US')} columns. Check the delimiter.`,
        { code: 'tooManyColumns', values: { row: this.record, count: row.length, max: MAX_COLUMNS } },
      );
    }
    if (!this.columns) {
      this.early.push(row);
      if (this.early.length >= HEAD_ROWS) this.start();
      return;
    }
    if (row.length !== this.width) {
      const what = this.hasHeader ? 'the header has' : 'the first row has';
      const tab = this.delimiter === '\t';
      throw new DataError(
        `Row ${this.record} has ${row.length} field${row.length === 1 ? '' : 's'} but ${what} ${this.width}. Every row needs the same number of "${tab ? 'tab' : this.delimiter}"-separated fields.`,
        {
          code: this.hasHeader ? 'rowWidthHeader' : 'rowWidthFirst',
          values: {
            row: this.record,
            count: row.length,
            width: this.width!,
            delimiter: tab ? [{ code: 'tab' }] : this.delimiter!,
          },
        },
      );
    }
    if (this.head.length < 20) this.head.push(row);
    row.forEach((cell, j) => {
      this.columns![j].push(cell);
    });
  }

  private start(): void {
    const rows = this.early;
    this.early = [];
    this.hasHeader = this.options.hasHeader ?? looksLikeHeader(rows);
    this.width = rows[0].length;
    const names = columnNames(this.hasHeader ? rows[0] : null, this.width, this.warnings);
    this.columns = names.map((n) => new RawColumn(n));
    this.record = this.hasHeader ? 1 : 0;
    for (const row of this.hasHeader ? rows.slice(1) : rows) this.addRow(row);
  }

  finish(): RawTable {
    if (!this.columns) {
      if (!this.early.length)
        throw new DataError('The file holds no rows: it is empty or only blank lines.', { code: 'noRows' });
      this.start();
    }
    const rows = this.columns![0].length;
    if (rows === 0)
      throw new DataError('The file has a header row but no data rows.', { code: 'headerOnly' });
    if (rows === 1)
      throw new DataError('The file has only one data row; a dataset needs at least two.', {
        code: 'oneRow',
      });
    return {
      delimiter: this.delimiter!,
      hasHeader: this.hasHeader,
      columns: this.columns!,
      rows,
      head: this.head,
      warnings: this.warnings,
    };
  }
}
