import { useTranslation } from 'react-i18next';
import { hasAccuracy } from './chart-data';
import { type ChartOptions, MetricChart } from './MetricChart';

/**
 * The figure "Accuracy chart" for classifiers, or "MAE chart" for regression runs (when none of the runs
 * recorded accuracy): training per batch (faint + smoothed) and validation per epoch.
 */
export function AccuracyChart(options: ChartOptions) {
  const classifier = options.runs.length === 0 || options.runs.some(hasAccuracy);
  const { t } = useTranslation('charts');
  return classifier ? (
    <MetricChart {...options} label={t('accuracyChart')} title={t('accuracy')} metric="accuracy" />
  ) : (
    <MetricChart {...options} label={t('maeChart')} title="MAE" metric="mae" logScale={false} />
  );
}
