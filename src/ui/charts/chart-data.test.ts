import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../train/types';
import { buildRunSeries, cachedRunSeries, formatX, mergeRows, nearestY } from './chart-data';

function run(n: number, id = 'r1'): RunRecord {
  const batches = Array.from({ length: n }, (_, i) => ({
    step: i + 1,
    epoch: (i + 1) / 10,
    time: (i + 1) * 100,
    loss: 1 / (i + 1),
    accuracy: i / n,
  }));
  const epochs = Array.from({ length: Math.floor(n / 10) }, (_, e) => ({
    epoch: e + 1,
    step: (e + 1) * 10,
    time: (e + 1) * 1000,
    loss: 0.5,
    valLoss: 0.4 / (e + 1),
    valAccuracy: 0.9,
  }));
  return {
    id,
    name: `Run ${id}`,
    createdAt: '',
    graphHash: '',
    config: {} as RunRecord['config'],
    backend: 'cpu',
    measurements: [],
    status: 'completed',
    batches,
    epochs,
    timings: { trainMs: 0, samplesPerSecond: 0 },
  };
}

const opts = { metric: 'loss', axis: 'step', smoothing: 0, maxPoints: 100, logScale: true } as const;

describe('chart data pipeline', () => {
  it('thins long series to maxPoints but keeps both ends', () => {
    const s = buildRunSeries(run(5000), '#000', opts);
    expect(s.raw).toHaveLength(100);
    expect(s.raw[0]).toEqual({ x: 1, y: 1 });
    expect(s.raw[99].x).toBe(5000);
    expect(s.val).toHaveLength(500);
  });

  it('smooths over every stored point before thinning', () => {
    const r = run(1000);
    const s = buildRunSeries(r, '#000', { ...opts, smoothing: 0.9 });
    const last = s.smooth[s.smooth.length - 1];
    // With weight 0.9 the last smoothed value lags above the last raw value of a falling curve.
    expect(last.y).toBeGreaterThan(r.batches[999].loss);
  });

  it('places validation points on the chosen axis', () => {
    const r = run(20);
    expect(buildRunSeries(r, '#000', { ...opts, axis: 'epoch' }).val.map((p) => p.x)).toEqual([1, 2]);
    expect(buildRunSeries(r, '#000', { ...opts, axis: 'time' }).val.map((p) => p.x)).toEqual([1000, 2000]);
  });

  it('drops values a log axis cannot show', () => {
    const r = run(3);
    r.batches[1].loss = 0;
    r.batches[2].loss = Number.NaN;
    expect(buildRunSeries(r, '#000', opts).raw).toHaveLength(1);
    expect(buildRunSeries(r, '#000', { ...opts, logScale: false }).raw).toHaveLength(2);
  });

  it('recomputes a run when it grows in place', () => {
    const r = run(10);
    expect(cachedRunSeries(r, '#000', opts).raw).toHaveLength(10);
    r.batches.push({ step: 11, epoch: 1.1, time: 1100, loss: 0.05 });
    expect(cachedRunSeries(r, '#000', opts).raw).toHaveLength(11);
  });

  it('merges runs into one table keyed by x', () => {
    const rows = mergeRows([
      buildRunSeries(run(2, 'a'), '#000', opts),
      buildRunSeries(run(1, 'b'), '#111', opts),
    ]);
    expect(rows).toEqual([
      { x: 1, raw0: 1, smooth0: 1, raw1: 1, smooth1: 1 },
      { x: 2, raw0: 0.5, smooth0: 0.5 },
    ]);
  });

  it('finds the nearest point and formats axes', () => {
    const pts = [
      { x: 0, y: 1 },
      { x: 10, y: 2 },
    ];
    expect(nearestY(pts, 4)).toBe(1);
    expect(nearestY(pts, 6)).toBe(2);
    expect(nearestY(pts, 11)).toBeUndefined();
    expect(formatX(65_000, 'time')).toBe('1:05');
    expect(formatX(1234, 'step')).toBe('1,234');
  });
});
