import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudio } from '../../state/store';
import type { RunRecord } from '../../train/types';
import { AccuracyChart } from './AccuracyChart';
import { RUN_COLORS, type XAxisMode } from './chart-data';
import { LossChart } from './LossChart';
import { RunsTable } from './RunsTable';
import './charts.css';

const selectRuns = (s: { runs: unknown[] }) => s.runs as RunRecord[];

/**
 * Which runs are overlaid: by default the newest; a run started later is added so live training always shows,
 * and runs that were deleted drop out.
 */
function useShownRuns(runs: RunRecord[]) {
  const [picked, setPicked] = useState<string[] | null>(null);
  const known = useRef(new Set(runs.map((r) => r.id)));
  useEffect(() => {
    const fresh = runs.filter((r) => !known.current.has(r.id)).map((r) => r.id);
    for (const id of fresh) known.current.add(id);
    if (fresh.length) setPicked((p) => (p === null ? p : [...p, ...fresh]));
  }, [runs]);
  const ids = new Set(runs.map((r) => r.id));
  const shown = picked === null ? runs.slice(-1).map((r) => r.id) : picked.filter((id) => ids.has(id));
  const toggle = (id: string, show: boolean) =>
    setPicked(show ? [...shown.filter((x) => x !== id), id] : shown.filter((x) => x !== id));
  return { shown, toggle };
}

function ChartControls(p: {
  axis: XAxisMode;
  setAxis(a: XAxisMode): void;
  smoothing: number;
  setSmoothing(v: number): void;
  logScale: boolean;
  setLogScale(v: boolean): void;
}) {
  const { t } = useTranslation('charts');
  return (
    <div className="charts__controls">
      <label>
        {t('xAxis')}{' '}
        <select value={p.axis} onChange={(e) => p.setAxis(e.target.value as XAxisMode)}>
          <option value="step">{t('step')}</option>
          <option value="epoch">{t('epoch')}</option>
          <option value="time">{t('wallTime')}</option>
        </select>
      </label>
      <label>
        {t('smoothing')}{' '}
        <input
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={p.smoothing}
          onChange={(e) => p.setSmoothing(Number(e.target.value))}
        />{' '}
        <output>{p.smoothing.toFixed(2)}</output>
      </label>
      <label>
        <input type="checkbox" checked={p.logScale} onChange={(e) => p.setLogScale(e.target.checked)} />{' '}
        {t('logScale')}
      </label>
    </div>
  );
}

/** The Runs panel: live Loss and Accuracy charts of the chosen runs, overlaid, and the table of all runs. */
export function RunsPanel() {
  const stored = useStudio(selectRuns);
  // Live metrics arrive ~10 times a second; deferring lets typing and the slider stay responsive meanwhile.
  const runs = useDeferredValue(stored);
  const [axis, setAxis] = useState<XAxisMode>('step');
  const [smoothing, setSmoothing] = useState(0.6);
  const [logScale, setLogScale] = useState(true);
  const { shown, toggle } = useShownRuns(runs);
  const colors = useMemo(
    () => Object.fromEntries(runs.map((r, i) => [r.id, RUN_COLORS[i % RUN_COLORS.length]])),
    [runs],
  );
  const shownKey = shown.join('\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shownKey` stands for `shown`, a fresh array each render
  const overlaid = useMemo(() => runs.filter((r) => shown.includes(r.id)), [runs, shownKey]);
  const rename = useCallback((id: string, name: string) => {
    const all = useStudio.getState().runs as RunRecord[];
    useStudio.getState().setRuns(all.map((r) => (r.id === id ? { ...r, name } : r)));
  }, []);
  const remove = useCallback((id: string) => {
    const all = useStudio.getState().runs as RunRecord[];
    useStudio.getState().setRuns(all.filter((r) => r.id !== id));
  }, []);
  const options = { runs: overlaid, axis, smoothing, colors };
  const { t } = useTranslation('charts');
  return (
    <section className="charts" aria-label={t('runs')}>
      <ChartControls {...{ axis, setAxis, smoothing, setSmoothing, logScale, setLogScale }} />
      <div className="charts__grid">
        <LossChart {...options} logScale={logScale} />
        <AccuracyChart {...options} />
      </div>
      <RunsTable
        runs={runs}
        colors={colors}
        shown={shown}
        onToggle={toggle}
        onRename={rename}
        onDelete={remove}
      />
    </section>
  );
}
