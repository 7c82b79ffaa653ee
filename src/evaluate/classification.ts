/**
 * Classification metrics on the test split: confusion matrix, accuracy, per-class precision / recall / F1 /
 * support and their macro and weighted averages, with scikit-learn's conventions for undefined ratios.
 */

/** Class probabilities (or a single sigmoid column) of n samples, row-major. */
export interface ProbabilityTable {
  yTrue: ArrayLike<number>;
  yPred: ArrayLike<number>;
  numClasses: number;
}

/** One class's row of the report. */
export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  /** How many test samples truly belong to the class. */
  support: number;
  /** How many test samples the model put in the class. */
  predicted: number;
}

/** Averages over classes. */
export interface AverageMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Everything the evaluation view shows for a classifier. */
export interface ClassificationReport {
  accuracy: number;
  /** matrix[t][p] = how many samples of true class t were predicted as p. */
  matrix: number[][];
  perClass: ClassMetrics[];
  /** Unweighted mean over the classes that occur in the true or predicted labels (as scikit-learn). */
  macro: AverageMetrics;
  /** Mean weighted by support. */
  weighted: AverageMetrics;
  /** Sentences explaining metrics set to 0 because they were undefined. */
  notes: string[];
}

/**
 * Predicted class and its confidence per sample. A single probability column (a sigmoid output) is read as
 * P(class 1), so binary models with one output unit work like two-column softmax ones.
 */
export function predictedClasses(t: ProbabilityTable): { classes: Int32Array; confidence: Float32Array } {
  const n = t.yTrue.length;
  const k = n > 0 ? Math.round(t.yPred.length / n) : t.numClasses;
  const classes = new Int32Array(n);
  const confidence = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    if (k === 1) {
      const p = t.yPred[i];
      classes[i] = p >= 0.5 ? 1 : 0;
      confidence[i] = p >= 0.5 ? p : 1 - p;
      continue;
    }
    let best = 0;
    for (let c = 1; c < k; c++) if (t.yPred[i * k + c] > t.yPred[i * k + best]) best = c;
    classes[i] = best;
    confidence[i] = t.yPred[i * k + best];
  }
  return { classes, confidence };
}

/** Probability of class `c` for sample `i` (handles the one-column sigmoid layout). */
export function probabilityOf(t: ProbabilityTable, i: number, c: number): number {
  const n = t.yTrue.length;
  const k = n > 0 ? Math.round(t.yPred.length / n) : t.numClasses;
  if (k === 1) return c === 1 ? t.yPred[i] : 1 - t.yPred[i];
  return t.yPred[i * k + c];
}

/** Counts of (true, predicted) pairs: matrix[t][p]. */
export function confusionMatrix(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, k: number): number[][] {
  const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < yTrue.length; i++) m[yTrue[i]][yPred[i]]++;
  return m;
}

/** Indices of the samples in one confusion-matrix cell, most confident first. */
export function cellSamples(
  yTrue: ArrayLike<number>,
  classes: ArrayLike<number>,
  confidence: ArrayLike<number>,
  trueClass: number,
  predClass: number,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === trueClass && classes[i] === predClass) out.push(i);
  return out.sort((a, b) => confidence[b] - confidence[a]);
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Per-class precision, recall, F1 and support from a confusion matrix. */
export function classMetrics(matrix: number[][]): ClassMetrics[] {
  const k = matrix.length;
  return matrix.map((row, c) => {
    const tp = row[c];
    const support = row.reduce((a, b) => a + b, 0);
    let predicted = 0;
    for (let t = 0; t < k; t++) predicted += matrix[t][c];
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    const f1 = ratio(2 * precision * recall, precision + recall);
    return { precision, recall, f1, support, predicted };
  });
}

function averages(perClass: ClassMetrics[]): { macro: AverageMetrics; weighted: AverageMetrics } {
  const present = perClass.filter((m) => m.support > 0 || m.predicted > 0);
  const total = perClass.reduce((a, m) => a + m.support, 0);
  const mean = (f: (m: ClassMetrics) => number) =>
    ratio(
      present.reduce((a, m) => a + f(m), 0),
      present.length,
    );
  const wmean = (f: (m: ClassMetrics) => number) =>
    ratio(
      perClass.reduce((a, m) => a + f(m) * m.support, 0),
      total,
    );
  return {
    macro: {
      precision: mean((m) => m.precision),
      recall: mean((m) => m.recall),
      f1: mean((m) => m.f1),
      support: total,
    },
    weighted: {
      precision: wmean((m) => m.precision),
      recall: wmean((m) => m.recall),
      f1: wmean((m) => m.f1),
      support: total,
    },
  };
}

/** The notes scikit-learn would warn with, naming the classes concerned. */
function undefinedNotes(perClass: ClassMetrics[], name: (c: number) => string): string[] {
  const list = (f: (m: ClassMetrics) => boolean) =>
    perClass.flatMap((m, c) => (f(m) ? [name(c)] : [])).join(', ');
  const notes: string[] = [];
  const noPred = list((m) => m.predicted === 0 && m.support > 0);
  if (noPred) {
    notes.push(`Precision is undefined for classes the model never predicted and is set to 0: ${noPred}.`);
  }
  const noTrue = list((m) => m.support === 0 && m.predicted > 0);
  if (noTrue) notes.push(`Recall is undefined for classes with no test samples and is set to 0: ${noTrue}.`);
  return notes;
}

/** The full classification report for predicted probabilities against true class indices. */
export function classificationReport(t: ProbabilityTable, classNames?: string[]): ClassificationReport {
  const { classes } = predictedClasses(t);
  const k = Math.max(t.numClasses, 2);
  const matrix = confusionMatrix(t.yTrue, classes, k);
  let correct = 0;
  for (let c = 0; c < k; c++) correct += matrix[c][c];
  const perClass = classMetrics(matrix);
  const notes = undefinedNotes(perClass, (c) => classNames?.[c] ?? String(c));
  return { accuracy: ratio(correct, t.yTrue.length), matrix, perClass, ...averages(perClass), notes };
}
