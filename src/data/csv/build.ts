import { applyNormaliser, fitNormaliser } from '../normalise';
import { splitIndices, takeRows } from '../split';
import { buildVocabulary, encodeText, vocabularyIndex } from '../text/tokenize';
import type { ColumnSpec, CsvOptions, DatasetConfig, Fitted, LoadedDataset, Splits } from '../types';
import { DataError } from '../types';
import { valueCounts } from './infer';
import type { RawColumn, RawTable } from './table';
import { MISSING, NUMBER } from './table';

interface Plan {
  features: RawColumn[];
  featureSpecs: ColumnSpec[];
  targets: RawColumn[];
  classes: boolean;
  text: boolean;
}

/** Builds training arrays from a parsed CSV and its options; every problem is a DataError for the person. */
export function buildCsvDataset(table: RawTable, config: DatasetConfig, name: string): LoadedDataset {
  if (config.source.kind !== 'csv') throw new Error('buildCsvDataset needs a csv source');
  const options = config.source.csv;
  const plan = planColumns(table, options);
  const warnings = options.columns.flatMap((c, j) =>
    c.role === 'ignore' && table.columns[j].missing === table.rows
      ? [`The column "${c.name}" is empty in every row, so it is ignored.`]
      : [],
  );
  const rows = keptRows(table, plan, options, warnings);
  const classNames = plan.classes ? classNamesOf(plan.targets[0], rows) : undefined;
  const labels = classNames ? classLabels(plan.targets[0], rows, classNames) : undefined;
  const parts = splitIndices(rows.length, config.split, labels);
  const fitted: Fitted = { classNames };
  const built = plan.text
    ? textFeatures(plan.features[0], rows, parts.train, options, fitted)
    : tableFeatures(plan, rows, parts.train, options, fitted);
  const y = labels ?? numericTargets(plan.targets, rows);
  const yWidth = labels ? 1 : plan.targets.length;
  const pick = <T extends Float32Array | Int32Array>(a: T, w: number): Splits<T> => ({
    train: takeRows(a, w, parts.train),
    val: takeRows(a, w, parts.val),
    test: takeRows(a, w, parts.test),
  });
  return {
    name,
    inputShape: [built.width],
    inputDtype: plan.text ? 'int32' : 'float32',
    x: pick(built.x, built.width),
    labelKind: labels ? 'classes' : 'numeric',
    targetShape: [yWidth],
    y: pick(y, yWidth),
    classNames,
    numClasses: classNames?.length,
    counts: { train: parts.train.length, val: parts.val.length, test: parts.test.length },
    format: plan.text
      ? { kind: 'text', vocabulary: fitted.vocabulary! }
      : { kind: 'table', featureNames: fitted.featureNames! },
    augment: null,
    config: { ...config, fitted },
    warnings: [...table.warnings, ...warnings],
  };
}

function planColumns(table: RawTable, options: CsvOptions): Plan {
  if (options.columns.length !== table.columns.length) {
    throw new DataError(
      `The file has ${table.columns.length} columns but the saved settings describe ${options.columns.length}. Upload the file again.`,
      { code: 'columnCountChanged', values: { count: table.columns.length, saved: options.columns.length } },
    );
  }
  const pick = (role: string) => options.columns.flatMap((s, j) => (s.role === role ? [j] : []));
  const f = pick('feature');
  const t = pick('target');
  if (!t.length)
    throw new DataError('Pick a target column: the values the model should learn to predict.', {
      code: 'pickTarget',
    });
  if (!f.length)
    throw new DataError('Pick at least one feature column: the values the model sees.', {
      code: 'pickFeature',
    });
  const specs = options.columns;
  if (t.some((j) => specs[j].type === 'text'))
    throw new DataError(
      `The target "${specs[t[0]].name}" is a text column; set it to categorical or numeric.`,
      {
        code: 'textTarget',
        values: { name: specs[t[0]].name },
      },
    );
  const classes = t.some((j) => specs[j].type === 'categorical');
  if (classes && t.length > 1)
    throw new DataError('Pick one categorical target, or only numeric targets.', {
      code: 'oneCategoricalTarget',
    });
  const text = f.some((j) => specs[j].type === 'text');
  if (text && f.length > 1) {
    throw new DataError(
      'A text column must be the only feature: set the other feature columns to "ignore".',
      {
        code: 'textOnlyFeature',
      },
    );
  }
  for (const j of [...f, ...t]) checkColumn(table, j, specs[j]);
  return {
    features: f.map((j) => table.columns[j]),
    featureSpecs: f.map((j) => specs[j]),
    targets: t.map((j) => table.columns[j]),
    classes,
    text,
  };
}

function checkColumn(table: RawTable, j: number, spec: ColumnSpec): void {
  const col = table.columns[j];
  if (col.missing === col.length) {
    throw new DataError(`The column "${col.name}" is empty in every row; set it to "ignore".`, {
      code: 'columnEmpty',
      values: { name: col.name },
    });
  }
  if (spec.type === 'numeric' && col.textCount > 0) {
    const r = col.firstTextRow();
    const line = r + (table.hasHeader ? 2 : 1);
    throw new DataError(
      `The column "${col.name}" should hold numbers, but row ${line} has "${col.text(r)}" (${col.textCount} cell${col.textCount === 1 ? ' is' : 's are'} not numbers). Fix those cells, or set the column to categorical.`,
      {
        code: 'notNumbers',
        values: { name: col.name, row: line, text: String(col.text(r)), count: col.textCount },
      },
    );
  }
}

function keptRows(table: RawTable, plan: Plan, options: CsvOptions, warnings: string[]): Int32Array {
  const kept: number[] = [];
  let noTarget = 0;
  let incomplete = 0;
  for (let r = 0; r < table.rows; r++) {
    if (plan.targets.some((c) => c.codes[r] === MISSING)) noTarget++;
    else if (options.missing === 'drop' && plan.features.some((c) => c.codes[r] === MISSING)) incomplete++;
    else kept.push(r);
  }
  if (noTarget)
    warnings.push(`${noTarget} row${noTarget === 1 ? '' : 's'} without a target value were left out.`);
  if (incomplete)
    warnings.push(`${incomplete} row${incomplete === 1 ? '' : 's'} with missing values were dropped.`);
  if (kept.length < 2) {
    throw new DataError(
      `Only ${kept.length} row${kept.length === 1 ? '' : 's'} left after removing missing values; a dataset needs at least two.`,
      { code: 'rowsLeft', values: { count: kept.length } },
    );
  }
  return Int32Array.from(kept);
}

function cellKey(col: RawColumn, r: number): string | null {
  const c = col.codes[r];
  return c === MISSING ? null : c === NUMBER ? String(col.num[r]) : col.dict[c];
}

function classNamesOf(col: RawColumn, rows: Int32Array): string[] {
  const numbers = new Set<number>();
  const names = new Set<string>();
  for (const r of rows) {
    if (col.codes[r] === NUMBER) numbers.add(col.num[r]);
    else names.add(cellKey(col, r)!);
  }
  for (const v of numbers) names.add(String(v));
  const list = [...names];
  const numeric = list.every((n) => n !== '' && Number.isFinite(Number(n)));
  list.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (list.length < 2) {
    throw new DataError(
      `The target "${col.name}" has only one class ("${list[0]}"); a classifier needs at least two. Pick another target or add rows of other classes.`,
      { code: 'oneClass', values: { name: col.name, value: list[0] } },
    );
  }
  return list;
}

function classLabels(col: RawColumn, rows: Int32Array, names: string[]): Int32Array {
  const index = new Map(names.map((n, i) => [n, i]));
  const byNumber = new Map<number, number>();
  for (const [n, i] of index) if (Number.isFinite(Number(n))) byNumber.set(Number(n), i);
  return Int32Array.from(rows, (r) =>
    col.codes[r] === NUMBER ? byNumber.get(col.num[r])! : index.get(cellKey(col, r)!)!,
  );
}

function numericTargets(cols: RawColumn[], rows: Int32Array): Float32Array {
  const out = new Float32Array(rows.length * cols.length);
  rows.forEach((r, i) => {
    cols.forEach((c, k) => {
      out[i * cols.length + k] = c.num[r];
    });
  });
  return out;
}

function textFeatures(col: RawColumn, rows: Int32Array, train: Int32Array, o: CsvOptions, fitted: Fitted) {
  const textOf = (r: number) => cellKey(col, r) ?? '';
  const vocabulary = buildVocabulary(
    Array.from(train, (i) => textOf(rows[i])),
    o.vocabSize,
  );
  const index = vocabularyIndex(vocabulary);
  const x = new Int32Array(rows.length * o.seqLength);
  rows.forEach((r, i) => {
    encodeText(textOf(r), index, o.seqLength, x, i * o.seqLength);
  });
  fitted.vocabulary = vocabulary;
  fitted.featureNames = [col.name];
  return { x, width: o.seqLength };
}

/** Fill value for a feature's missing cells, from the training rows: the mean or the most frequent value. */
function fillValue(
  col: RawColumn,
  type: ColumnSpec['type'],
  trainRows: number[],
  policy: CsvOptions['missing'],
) {
  if (type === 'numeric' && policy === 'mean') {
    let sum = 0;
    let n = 0;
    for (const r of trainRows) {
      if (col.codes[r] !== NUMBER) continue;
      sum += col.num[r];
      n++;
    }
    return n ? sum / n : 0;
  }
  const counts = new Map<string, number>();
  for (const r of trainRows) {
    const k = cellKey(col, r);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '0';
  return type === 'numeric' ? Number(best) : best;
}

function tableFeatures(plan: Plan, rows: Int32Array, train: Int32Array, o: CsvOptions, fitted: Fitted) {
  const trainRows = Array.from(train, (i) => rows[i]);
  const fill: Record<string, number | string> = {};
  const categories: Record<string, string[]> = {};
  const names: string[] = [];
  const isCat: boolean[] = [];
  plan.features.forEach((col, k) => {
    const type = plan.featureSpecs[k].type;
    if (col.missing) fill[col.name] = fillValue(col, type, trainRows, o.missing);
    if (type === 'numeric') {
      names.push(col.name);
      isCat.push(false);
      return;
    }
    const cats = [...valueCounts(col).entries()].sort((a, b) => b[1] - a[1]).map(([v]) => v);
    categories[col.name] = cats;
    const cols = o.encoding === 'onehot' ? cats.map((c) => `${col.name}=${c}`) : [col.name];
    names.push(...cols);
    isCat.push(...cols.map(() => true));
  });
  const width = names.length;
  const x = new Float32Array(rows.length * width);
  const index = Object.fromEntries(
    Object.entries(categories).map(([k, cats]) => [k, new Map(cats.map((c, i) => [c, i]))]),
  );
  rows.forEach((r, i) => {
    writeRow(plan, r, x, i * width, { fill, index, onehot: o.encoding === 'onehot' });
  });
  const stats = fitNormaliser(takeRows(x, width, train), width, o.normalise);
  // One-hot and index columns keep their values: only numeric features are scaled.
  isCat.forEach((cat, f) => {
    if (!cat || !stats) return;
    stats.a[f] = 0;
    stats.b[f] = 1;
  });
  applyNormaliser(x, stats);
  Object.assign(fitted, { fill, categories, featureNames: names, normaliser: stats });
  return { x, width };
}

interface Encoding {
  fill: Record<string, number | string>;
  index: Record<string, Map<string, number>>;
  onehot: boolean;
}

function writeRow(plan: Plan, r: number, x: Float32Array, at: number, enc: Encoding): void {
  let o = at;
  plan.features.forEach((col, k) => {
    const code = col.codes[r];
    if (plan.featureSpecs[k].type === 'numeric') {
      x[o++] = code === NUMBER ? col.num[r] : Number(enc.fill[col.name]);
      return;
    }
    const key =
      code === MISSING ? String(enc.fill[col.name]) : code === NUMBER ? String(col.num[r]) : col.dict[code];
    const cats = enc.index[col.name];
    const idx = cats.get(key) ?? -1;
    if (enc.onehot) {
      if (idx >= 0) x[o + idx] = 1;
      o += cats.size;
    } else x[o++] = idx;
  });
}
