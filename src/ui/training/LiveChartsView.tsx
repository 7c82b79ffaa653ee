import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { AccuracyChart } from '../charts/AccuracyChart';
import { LossChart } from '../charts/LossChart';
import type { RunRecord } from '../../train/types';
import '../charts/charts.css';

/** The current run's Loss and Accuracy charts, beside the Train button (loaded with the first run). */
export default function LiveChartsView({ run }: { run: RunRecord }) {
  const { t } = useTranslation('firstrun');
  // Metrics arrive ~10 times a second; deferring keeps the panel's buttons responsive meanwhile.
  const shown = useDeferredValue(run);
  return (
    <section className="training-live-charts" aria-label={t('liveCharts')}>
      <LossChart runs={[shown]} height={150} />
      {/* Before the first batch nothing says classifier or regression yet: keep the Accuracy chart's place. */}
      <AccuracyChart runs={shown.batches.length ? [shown] : []} height={150} />
    </section>
  );
}
