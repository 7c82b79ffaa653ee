/** ROC curve and its area for a binary classifier, with tied scores handled as one threshold (as scikit-learn). */

/** One point of the ROC curve: rates at the threshold "score ≥ threshold means positive". */
export interface RocPoint {
  fpr: number;
  tpr: number;
  threshold: number;
}

/** The ROC curve from (0, 0) to (1, 1); empty when one of the two classes has no samples. */
export function rocCurve(isPositive: ArrayLike<number>, score: ArrayLike<number>): RocPoint[] {
  const n = isPositive.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b] - score[a]);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += isPositive[i] ? 1 : 0;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return [];
  const points: RocPoint[] = [{ fpr: 0, tpr: 0, threshold: Number.POSITIVE_INFINITY }];
  let tp = 0;
  let fp = 0;
  for (let j = 0; j < n; j++) {
    const i = order[j];
    if (isPositive[i]) tp++;
    else fp++;
    // Samples with equal scores cannot be separated by any threshold, so they move the curve together.
    if (j === n - 1 || score[order[j + 1]] !== score[i]) {
      points.push({ fpr: fp / negatives, tpr: tp / positives, threshold: score[i] });
    }
  }
  return points;
}

/** Area under a curve by the trapezoidal rule (NaN for an empty curve, where AUC is undefined). */
export function auc(points: readonly RocPoint[]): number {
  if (points.length < 2) return Number.NaN;
  let area = 0;
  for (let i = 1; i < points.length; i++) {
    area += ((points[i].fpr - points[i - 1].fpr) * (points[i].tpr + points[i - 1].tpr)) / 2;
  }
  return area;
}
