import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../i18n';
import { classificationReport, predictedClasses, probabilityOf } from '../../evaluate/classification';
import type { TestPredictions } from '../../train/types';
import { ConfusionMatrix } from './ConfusionMatrix';
import { RegressionView } from './RegressionView';
import { ReportTable } from './ReportTable';
import { RocChart } from './RocChart';
import './evaluation.css';

/** Props of the evaluation view. */
export interface EvaluationViewProps {
  /** Predictions on the test split (from the training worker). */
  predictions: TestPredictions;
  /** Renders test sample `index` (an image, a table row, a text) in the list of a confusion-matrix cell. */
  samples?: (index: number) => ReactNode;
}

function ClassificationView({ predictions, samples }: EvaluationViewProps) {
  const k = Math.max(predictions.numClasses, 2);
  const names = useMemo(
    () => Array.from({ length: k }, (_, c) => predictions.classNames?.[c] ?? String(c)),
    [k, predictions.classNames],
  );
  const report = useMemo(() => classificationReport(predictions, names), [predictions, names]);
  const { classes, confidence } = useMemo(() => predictedClasses(predictions), [predictions]);
  const positiveScore = useMemo(
    () => (k === 2 ? Float32Array.from(predictions.yTrue, (_, i) => probabilityOf(predictions, i, 1)) : null),
    [k, predictions],
  );
  const { t } = useTranslation('evaluate');
  return (
    <>
      <p className="eval__headline">{t('testAccuracy', { value: formatPercent(report.accuracy) })}</p>
      <p className="muted eval__sub">
        {t('testSamples', { count: predictions.yTrue.length, f1: formatPercent(report.macro.f1) })}
      </p>
      <h3>{t('confusionMatrix')}</h3>
      <ConfusionMatrix
        matrix={report.matrix}
        names={names}
        yTrue={predictions.yTrue}
        classes={classes}
        confidence={confidence}
        samples={samples}
      />
      <h3>{t('perClass')}</h3>
      <ReportTable report={report} names={names} />
      {positiveScore && <RocChart isPositive={predictions.yTrue} score={positiveScore} positive={names[1]} />}
    </>
  );
}

/**
 * Evaluation on the test split: for classifiers "Test accuracy: 97.8%", a clickable confusion matrix, per-class
 * precision / recall / F1 / support with averages, and ROC + AUC when binary; for regression MAE, MSE, RMSE, R²
 * and a predicted-vs-true scatter.
 */
export function EvaluationView({ predictions, samples }: EvaluationViewProps) {
  const { t } = useTranslation('evaluate');
  if (predictions.yTrue.length === 0) {
    return <p className="muted">{t('empty')}</p>;
  }
  return (
    <section className="evaluation" aria-label={t('evaluation')}>
      {predictions.kind === 'regression' ? (
        <RegressionView yTrue={predictions.yTrue} yPred={predictions.yPred} />
      ) : (
        <ClassificationView predictions={predictions} samples={samples} />
      )}
    </section>
  );
}
