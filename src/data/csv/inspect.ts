import type { CsvOptions } from '../types';
import { type ColumnStats, columnStats, defaultCsvOptions } from './infer';
import type { RawTable } from './table';

/** What the panel shows about an uploaded CSV before it is used: plain data, safe to post between threads. */
export interface CsvInspection {
  rows: number;
  delimiter: string;
  hasHeader: boolean;
  columns: ColumnStats[];
  /** The first rows as written (up to 20). */
  head: string[][];
  /** Suggested reading choices (types inferred, a target picked). */
  defaults: CsvOptions;
  warnings: string[];
}

/** Summarises a parsed table for the preview and proposes default options. */
export function inspectTable(table: RawTable): CsvInspection {
  const warnings = [...table.warnings];
  const defaults = defaultCsvOptions(table, warnings);
  return {
    rows: table.rows,
    delimiter: table.delimiter,
    hasHeader: table.hasHeader,
    columns: table.columns.map(columnStats),
    head: table.head,
    defaults,
    warnings,
  };
}
