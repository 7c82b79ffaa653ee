import { makeRng } from '../../data/rng';
import type { LoadedDataset } from '../../data/types';
import { regressionMetrics } from '../../evaluate/regression';
import { type HeldOut, popularity, type RankingScores, rankingReport } from '../../evaluate/ranking';

/** Runs the model on a batch of [user, item] pairs and returns one score per pair. */
export type PairScorer = (pairs: Int32Array, n: number) => Promise<Float32Array>;

/** Everything the recommendation evaluation shows. */
export interface RecommendReport {
  rmse: number;
  mae: number;
  baselineRmse: number;
  baselineMae: number;
  heldOut: number;
  all: { model: RankingScores; popularity: RankingScores; candidates: number };
  sampled: { model: RankingScores; popularity: RankingScores; candidates: number };
}

const CHUNK = 65_536;

/** The model's score of every item for each user, in chunks of pairs (one row of `items` per user). */
export async function scoreAllItems(
  users: number[],
  items: number,
  score: PairScorer,
): Promise<Float32Array[]> {
  const out = users.map(() => new Float32Array(items));
  const perChunk = Math.max(1, Math.floor(CHUNK / items));
  for (let u0 = 0; u0 < users.length; u0 += perChunk) {
    const group = users.slice(u0, u0 + perChunk);
    const pairs = new Int32Array(group.length * items * 2);
    group.forEach((u, g) => {
      for (let i = 0; i < items; i++) pairs.set([u, i], (g * items + i) * 2);
    });
    const s = await score(pairs, group.length * items);
    for (let g = 0; g < group.length; g++) out[u0 + g].set(s.subarray(g * items, (g + 1) * items));
  }
  return out;
}

/** Items each user rated in training and validation. */
export function seenByUser(ds: LoadedDataset, users: number): Set<number>[] {
  const seen = Array.from({ length: users }, () => new Set<number>());
  for (const x of [ds.x.train, ds.x.val]) for (let i = 0; i + 1 < x.length; i += 2) seen[x[i]]?.add(x[i + 1]);
  return seen;
}

/** RMSE / MAE on the held-out ratings and HitRate@10 / NDCG@10 against all and 100 sampled unseen items. */
export async function evaluateRecommender(ds: LoadedDataset, score: PairScorer): Promise<RecommendReport> {
  if (ds.domain?.kind !== 'ratings') throw new Error('not a ratings dataset');
  const { users, items } = ds.domain;
  const test = ds.x.test as Int32Array;
  const truth = ds.y.test as Float32Array;
  const n = ds.counts.test;
  const predicted = await score(test, n);
  const metrics = regressionMetrics(truth, predicted);
  const trainY = ds.y.train;
  let mean = 0;
  for (let i = 0; i < trainY.length; i++) mean += trainY[i] / trainY.length;
  const baseline = regressionMetrics(truth, new Float32Array(n).fill(mean));
  const seen = seenByUser(ds, users);
  const heldOut: HeldOut[] = Array.from({ length: n }, (_, r) => ({
    user: test[2 * r],
    item: test[2 * r + 1],
    seen: seen[test[2 * r]],
  }));
  const scores = await scoreAllItems(
    heldOut.map((h) => h.user),
    items,
    score,
  );
  const pop = popularity(
    (ds.x.train as Int32Array).filter((_, k) => k % 2 === 1),
    items,
  );
  const report = (sample: number | 'all') =>
    rankingReport(heldOut, items, (row) => scores[row], pop, 10, sample, makeRng(7));
  return {
    rmse: metrics.rmse,
    mae: metrics.mae,
    baselineRmse: baseline.rmse,
    baselineMae: baseline.mae,
    heldOut: n,
    all: report('all'),
    sampled: report(100),
  };
}
