import { makeRng } from '../rng';
import type { Splits } from '../types';
import { DataError } from '../types';

/** A ratings table with user and item ids mapped to indices (the indices the model's Embeddings take). */
export interface Ratings {
  /** Original user ids by index. */
  users: string[];
  /** Original item ids by index. */
  items: string[];
  user: Int32Array;
  item: Int32Array;
  rating: Float32Array;
  /** When each rating was given (or its row order when the file has no timestamps). */
  time: Float64Array;
}

/**
 * The leave-last-out split: each user's latest rating is a test rating (users with at least two ratings), a
 * seeded 5 % of the rest is validation, everything else trains. Ranking metrics ask the model to find each
 * user's test item among the items that user has not rated.
 */
export function leaveLastOut(r: Ratings, seed: number): Splits<Int32Array> {
  const last = new Int32Array(r.users.length).fill(-1);
  const count = new Int32Array(r.users.length);
  for (let i = 0; i < r.user.length; i++) {
    const u = r.user[i];
    count[u]++;
    if (last[u] < 0 || r.time[i] >= r.time[last[u]]) last[u] = i;
  }
  const isTest = new Uint8Array(r.user.length);
  for (let u = 0; u < last.length; u++) if (count[u] >= 2) isTest[last[u]] = 1;
  const rng = makeRng(seed);
  const train: number[] = [];
  const val: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < r.user.length; i++) {
    if (isTest[i]) test.push(i);
    else if (rng() < 0.05) val.push(i);
    else train.push(i);
  }
  return { train: Int32Array.from(train), val: Int32Array.from(val), test: Int32Array.from(test) };
}

/** The index of an original id in a vocabulary; a clear sentence when the id was never seen. */
export function idIndex(vocabulary: readonly string[], id: string, what: 'user' | 'item'): number {
  const i = vocabulary.indexOf(id.trim());
  if (i < 0) {
    const examples = vocabulary.slice(0, 3).join(', ');
    throw new DataError(
      `The ${what} "${id}" is not in this dataset: it knows ${vocabulary.length} ${what}s (e.g. ${examples}). A model only has embeddings for ids it saw in training.`,
      {
        code: what === 'user' ? 'unknownUser' : 'unknownItem',
        values: { id, count: vocabulary.length, examples },
      },
    );
  }
  return i;
}

/** Items each user rated in the given rows (x rows are [user, item] pairs). */
export function seenItems(x: Int32Array, users: number): Set<number>[] {
  const seen = Array.from({ length: users }, () => new Set<number>());
  for (let i = 0; i + 1 < x.length; i += 2) seen[x[i]]?.add(x[i + 1]);
  return seen;
}
