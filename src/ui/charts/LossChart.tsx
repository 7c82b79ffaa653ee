import { useTranslation } from 'react-i18next';
import { type ChartOptions, MetricChart } from './MetricChart';

/** Props of the loss chart: the shared chart options plus a log-scale y axis. */
export interface LossChartProps extends ChartOptions {
  /** Log-scale y axis (losses span decades); default true. */
  logScale?: boolean;
}

/** The figure "Loss chart": training loss per batch (faint + smoothed) and validation loss per epoch. */
export function LossChart({ logScale = true, ...options }: LossChartProps) {
  const { t } = useTranslation('charts');
  return (
    <MetricChart {...options} label={t('lossChart')} title={t('loss')} metric="loss" logScale={logScale} />
  );
}
