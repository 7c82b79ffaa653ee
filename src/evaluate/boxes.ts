/** Localisation metrics: boxes are [x, y, w, h] with x, y the top-left corner (any unit, both boxes alike). */

/** Intersection over union of two boxes; 0 when they do not overlap or either is empty. */
export function iou(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  const union = a[2] * a[3] + b[2] * b[3] - inter;
  return union > 0 ? inter / union : 0;
}

/** What a localiser reached on the test split. */
export interface BoxReport {
  /** Mean IoU of predicted and true boxes. */
  meanIoU: number;
  /** Share of images whose predicted box has IoU ≥ 0.5 with the true one. */
  accAtIoU50: number;
  /** Share of images whose class is right. */
  classAccuracy: number;
  /** IoU per image. */
  ious: Float32Array;
  /** Image indices from the worst IoU to the best. */
  worstFirst: number[];
}

/** IoU-based report from predicted and true boxes (n × 4 each) and predicted and true classes. */
export function boxReport(
  pred: ArrayLike<number>,
  truth: ArrayLike<number>,
  predClass: ArrayLike<number>,
  trueClass: ArrayLike<number>,
): BoxReport {
  const n = trueClass.length;
  const ious = new Float32Array(n);
  let sum = 0;
  let hits = 0;
  let right = 0;
  for (let i = 0; i < n; i++) {
    const at = (a: ArrayLike<number>) => [a[4 * i], a[4 * i + 1], a[4 * i + 2], a[4 * i + 3]];
    ious[i] = iou(at(pred), at(truth));
    sum += ious[i];
    if (ious[i] >= 0.5) hits++;
    if (predClass[i] === trueClass[i]) right++;
  }
  const worstFirst = Array.from({ length: n }, (_, i) => i).sort((a, b) => ious[a] - ious[b] || a - b);
  const share = (k: number) => (n ? k / n : Number.NaN);
  return { meanIoU: share(sum), accAtIoU50: share(hits), classAccuracy: share(right), ious, worstFirst };
}
