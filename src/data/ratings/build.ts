import type { Assembly } from '../assemble';
import type { DatasetConfig } from '../types';
import { DataError } from '../types';
import { leaveLastOut, type Ratings } from './ratings';

/**
 * Ratings as a dataset: x = [user index, item index] (int32, split across the model's two Inputs), y = the
 * rating; the split is leave-last-out (see `leaveLastOut`); the id vocabularies travel in `fitted`.
 */
export function ratingsAssembly(r: Ratings, name: string, config: DatasetConfig): Assembly {
  if (r.users.length < 2 || r.items.length < 2)
    throw new DataError('A ratings set needs at least two users and two items.', { code: 'ratingsTooFew' });
  const n = r.user.length;
  const x = new Int32Array(n * 2);
  for (let i = 0; i < n; i++) {
    x[2 * i] = r.user[i];
    x[2 * i + 1] = r.item[i];
  }
  const split = leaveLastOut(r, config.split.seed);
  if (split.test.length === 0)
    throw new DataError('No user has two ratings or more, so there is nothing to hold out for testing.', {
      code: 'ratingsNoHoldout',
    });
  const warnings: string[] = [];
  const trained = new Set<number>();
  for (const i of split.train) trained.add(r.item[i]);
  const cold = Array.from(split.test).filter((i) => !trained.has(r.item[i])).length;
  if (cold > 0)
    warnings.push(
      `${cold} held-out rating${cold === 1 ? ' is' : 's are'} of items no training rating mentions; their embeddings stay untrained.`,
    );
  return {
    name,
    x,
    y: r.rating,
    inputShape: [2],
    labelKind: 'numeric',
    targetShape: [1],
    format: { kind: 'table', featureNames: ['user', 'item'] },
    split,
    fitted: { users: r.users, items: r.items },
    domain: { kind: 'ratings', users: r.users.length, items: r.items.length },
    warnings,
  };
}
