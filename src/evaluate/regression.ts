/** Regression metrics on the test split. */

/** Mean absolute error, mean squared error, its root, and the coefficient of determination. */
export interface RegressionMetrics {
  mae: number;
  mse: number;
  rmse: number;
  /** 1 − SS_res / SS_tot; for constant targets 1 when the fit is perfect, else 0 (as scikit-learn). */
  r2: number;
  count: number;
}

/** MAE, MSE, RMSE and R² of predictions against targets (NaN for no samples). */
export function regressionMetrics(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): RegressionMetrics {
  const n = yTrue.length;
  if (n === 0) return { mae: Number.NaN, mse: Number.NaN, rmse: Number.NaN, r2: Number.NaN, count: 0 };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += yTrue[i];
  mean /= n;
  let abs = 0;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    const e = yTrue[i] - yPred[i];
    abs += Math.abs(e);
    ssRes += e * e;
    ssTot += (yTrue[i] - mean) ** 2;
  }
  const mse = ssRes / n;
  const r2 = ssTot === 0 ? (ssRes === 0 ? 1 : 0) : 1 - ssRes / ssTot;
  return { mae: abs / n, mse, rmse: Math.sqrt(mse), r2, count: n };
}
