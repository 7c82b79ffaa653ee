import type { ColumnSpec, ColumnType, CsvOptions } from '../types';
import type { RawColumn, RawTable } from './table';
import { MISSING, NUMBER } from './table';

/** What the panel shows about one column. */
export interface ColumnStats {
  name: string;
  inferred: ColumnType;
  missing: number;
  /** Distinct non-missing values (counted up to a cap). */
  distinct: number;
  min?: number;
  max?: number;
  mean?: number;
  /** Most frequent values with their counts (categorical and text columns). */
  top: [string, number][];
}

const TARGET_NAMES = /^(label|labels|class|classes|target|y|species|category|outcome|output)$/i;

/** Counts of each distinct value (numbers formatted as text), most frequent first. */
export function valueCounts(col: RawColumn, cap = 10_000): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < col.length; i++) {
    const c = col.codes[i];
    if (c === MISSING) continue;
    const key = c === NUMBER ? String(col.num[i]) : col.dict[c];
    if (counts.size >= cap && !counts.has(key)) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Guesses a column's type: all numbers → numeric; long or mostly unique strings → text; else categorical. */
export function inferType(col: RawColumn): ColumnType {
  const present = col.length - col.missing;
  if (present === 0 || col.numeric / present >= 0.9) return 'numeric';
  let words = 0;
  for (const s of col.dict) words += s.split(/\s+/).length;
  const avgWords = words / Math.max(1, col.dict.length);
  if (avgWords >= 4) return 'text';
  return col.dict.length <= 100 || col.dict.length <= present * 0.2 ? 'categorical' : 'text';
}

/** Statistics of one column for the preview table. */
export function columnStats(col: RawColumn): ColumnStats {
  const counts = valueCounts(col);
  const stats: ColumnStats = {
    name: col.name,
    inferred: inferType(col),
    missing: col.missing,
    distinct: counts.size,
    top: [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5),
  };
  if (col.numeric > 0) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let sum = 0;
    for (let i = 0; i < col.length; i++) {
      if (col.codes[i] !== NUMBER) continue;
      const v = col.num[i];
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
    }
    Object.assign(stats, { min, max, mean: sum / col.numeric });
  }
  return stats;
}

/** Picks the target: a column named like a label, else the last usable column. */
function defaultTarget(table: RawTable, types: ColumnType[], preferText: boolean): number {
  const usable = (j: number) => table.columns[j].missing < table.rows && (!preferText || types[j] !== 'text');
  const named = table.columns.findIndex((c, j) => usable(j) && TARGET_NAMES.test(c.name));
  if (named >= 0) return named;
  for (let j = table.columns.length - 1; j >= 0; j--) if (usable(j)) return j;
  return table.columns.length - 1;
}

/** The target reads as classes when it is text, or whole numbers with few distinct values. */
function targetType(col: RawColumn, inferred: ColumnType): ColumnType {
  if (inferred !== 'numeric') return 'categorical';
  const counts = valueCounts(col, 64);
  const whole = [...counts.keys()].every((k) => Number.isInteger(Number(k)));
  return whole && counts.size <= 20 ? 'categorical' : 'numeric';
}

/**
 * Default reading choices for a parsed file: inferred column types, a target column, every other usable
 * column as a feature (a text feature excludes the others), and columns empty in every row ignored.
 */
export function defaultCsvOptions(table: RawTable, warnings: string[]): CsvOptions {
  const types = table.columns.map(inferType);
  const textIndex = types.indexOf('text');
  const target = defaultTarget(table, types, true);
  const columns: ColumnSpec[] = table.columns.map((col, j) => {
    if (col.missing === table.rows) {
      warnings.push(`The column "${col.name}" is empty in every row, so it is ignored.`);
      return { name: col.name, type: types[j], role: 'ignore' };
    }
    if (j === target) return { name: col.name, type: targetType(col, types[j]), role: 'target' };
    const role = textIndex >= 0 && textIndex !== target && j !== textIndex ? 'ignore' : 'feature';
    return { name: col.name, type: types[j], role };
  });
  return {
    delimiter: table.delimiter,
    hasHeader: table.hasHeader,
    columns,
    missing: 'mean',
    encoding: 'onehot',
    normalise: 'zscore',
    vocabSize: 2000,
    seqLength: 40,
  };
}
