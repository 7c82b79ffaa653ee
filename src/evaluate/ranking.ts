/**
 * Ranking metrics of recommenders on a leave-last-out split: for each user, where does the held-out item land
 * among the candidate items (all items the user has not rated, or a sample of them)?
 */

/**
 * The 0-based rank of `target` among `candidates` (which need not include it) by descending score. Ties count
 * half (the expected rank when ties are broken at random), so a model that scores everything the same ranks
 * the target in the middle, not first.
 */
export function rankOf(scores: ArrayLike<number>, target: number, candidates: ArrayLike<number>): number {
  const s = scores[target];
  let above = 0;
  let ties = 0;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (c === target) continue;
    if (scores[c] > s) above++;
    else if (scores[c] === s) ties++;
  }
  return above + ties / 2;
}

/** Share of users whose held-out item ranks in the top k (rank < k). */
export function hitRateAt(ranks: ArrayLike<number>, k: number): number {
  if (ranks.length === 0) return Number.NaN;
  let hits = 0;
  for (let i = 0; i < ranks.length; i++) if (ranks[i] < k) hits++;
  return hits / ranks.length;
}

/**
 * Mean NDCG@k with one relevant item per user: 1 / log2(rank + 2) when it ranks in the top k, else 0 (the ideal
 * DCG is 1: the item first).
 */
export function ndcgAt(ranks: ArrayLike<number>, k: number): number {
  if (ranks.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < ranks.length; i++) if (ranks[i] < k) sum += 1 / Math.log2(ranks[i] + 2);
  return sum / ranks.length;
}

/** How many training ratings each item has: the popularity baseline's score. */
export function popularity(itemOfRow: ArrayLike<number>, items: number): Float32Array {
  const counts = new Float32Array(items);
  for (let i = 0; i < itemOfRow.length; i++) counts[itemOfRow[i]]++;
  return counts;
}

/** `n` distinct entries of `pool` picked with a seeded generator (all of them when the pool is small). */
export function sampleFrom(pool: number[], n: number, rng: () => number): number[] {
  if (pool.length <= n) return pool.slice();
  const copy = pool.slice();
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

/** The k best-scored items that are not in `exclude`, best first. */
export function topItems(
  scores: ArrayLike<number>,
  k: number,
  exclude: ReadonlySet<number>,
): { item: number; score: number }[] {
  const out: { item: number; score: number }[] = [];
  for (let i = 0; i < scores.length; i++) if (!exclude.has(i)) out.push({ item: i, score: scores[i] });
  return out.sort((a, b) => b.score - a.score || a.item - b.item).slice(0, k);
}

/** HitRate@k and NDCG@k of one scorer. */
export interface RankingScores {
  hitRate: number;
  ndcg: number;
}

/** The held-out item of each test user, with what that user has already rated (training and validation). */
export interface HeldOut {
  user: number;
  item: number;
  seen: ReadonlySet<number>;
}

/**
 * Ranks each held-out item among the user's unseen items — all of them, or `sample` of them drawn with `rng` —
 * by the model's scores (`scoresOf(row)` = the model's score of every item for `heldOut[row].user`) and by
 * popularity, and returns HitRate@k and NDCG@k for both.
 */
export function rankingReport(
  heldOut: HeldOut[],
  items: number,
  scoresOf: (row: number) => ArrayLike<number>,
  pop: ArrayLike<number>,
  k: number,
  sample: number | 'all',
  rng: () => number,
): { model: RankingScores; popularity: RankingScores; candidates: number } {
  const model: number[] = [];
  const baseline: number[] = [];
  let candidates = 0;
  heldOut.forEach((h, row) => {
    const unseen: number[] = [];
    for (let i = 0; i < items; i++) if (i !== h.item && !h.seen.has(i)) unseen.push(i);
    const pool = sample === 'all' ? unseen : sampleFrom(unseen, sample, rng);
    pool.push(h.item);
    candidates += pool.length;
    model.push(rankOf(scoresOf(row), h.item, pool));
    baseline.push(rankOf(pop, h.item, pool));
  });
  const scores = (r: number[]) => ({ hitRate: hitRateAt(r, k), ndcg: ndcgAt(r, k) });
  return {
    model: scores(model),
    popularity: scores(baseline),
    candidates: heldOut.length ? candidates / heldOut.length : 0,
  };
}
