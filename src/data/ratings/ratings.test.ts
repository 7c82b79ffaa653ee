import { describe, expect, it } from 'vitest';
import { buildDataset, type DataIO } from '../load';
import { DEFAULT_SPLIT } from '../split';
import type { DatasetConfig } from '../types';
import { generateRatings } from './generate';
import { parseRatings } from './parse';
import { idIndex, leaveLastOut } from './ratings';

const GOOD =
  'userId,movieId,rating,timestamp\nann,m1,4,100\nbob,m2,3,50\nann,m2,5,200\nbob,m1,2,10\ncy,m3,1,5\n';

const io = (text: string): DataIO => ({
  asset: async () => new Uint8Array(0),
  file: async () => new Blob([text]),
});
const config = (): DatasetConfig => ({
  version: 1,
  source: { kind: 'ratings', fileKey: 'k', fileName: 'ratings.csv' },
  split: DEFAULT_SPLIT,
  augment: null,
  fitted: {},
});

describe('ratings import', () => {
  it('maps ids to indices in order of first appearance and keeps the vocabularies', () => {
    const r = parseRatings(GOOD);
    expect(r.users).toEqual(['ann', 'bob', 'cy']);
    expect(r.items).toEqual(['m1', 'm2', 'm3']);
    expect(Array.from(r.user)).toEqual([0, 1, 0, 1, 2]);
    expect(Array.from(r.item)).toEqual([0, 1, 1, 0, 2]);
    expect(Array.from(r.rating)).toEqual([4, 3, 5, 2, 1]);
  });

  it('holds out each user’s latest rating (users with two or more) for testing', async () => {
    const ds = await buildDataset(config(), io(GOOD));
    expect(ds.inputShape).toEqual([2]);
    expect(ds.inputDtype).toBe('int32');
    expect(ds.domain).toEqual({ kind: 'ratings', users: 3, items: 3 });
    expect(ds.config.fitted.users).toEqual(['ann', 'bob', 'cy']);
    // ann's latest is m2 (t=200), bob's m2 (t=50); cy has one rating and stays in training
    expect(Array.from(ds.x.test)).toEqual([1, 1, 0, 1]);
    expect(Array.from(ds.y.test)).toEqual([3, 5]);
  });

  it.each([
    ['', 'The ratings file is empty.'],
    ['u,i,r\n', 'The ratings file has a header but no ratings.'],
    [
      'a,b\nc,d\n',
      'A ratings file needs 3 or 4 columns (user, item, rating[, timestamp]); the first row has 2.',
    ],
    ['u,i,r\nann,m1,4\nbob,m2\n', 'Row 3 has 2 fields, but the file’s rows have 3'.replace('’', "'")],
    ['u,i,r\nann,m1,four\n', 'Row 2: the rating "four" is not a number.'],
    ['ann,m1,4,x\n', 'Row 1: the timestamp "x" is not a number.'],
  ])('refuses a broken file with a sentence: %j', async (text, message) => {
    await expect(buildDataset(config(), io(text))).rejects.toThrow(message);
  });

  it('names an id that was never seen', () => {
    expect(() => idIndex(['ann', 'bob'], 'zed', 'user')).toThrow(
      'The user "zed" is not in this dataset: it knows 2 users (e.g. ann, bob).',
    );
    expect(idIndex(['ann', 'bob'], ' bob ', 'user')).toBe(1);
  });
});

describe('the built-in ratings generator', () => {
  it('is seeded, skewed towards popular items, and splits leave-last-out', () => {
    const a = generateRatings(15_000, 1);
    const b = generateRatings(15_000, 1);
    expect(Array.from(a.item.slice(0, 50))).toEqual(Array.from(b.item.slice(0, 50)));
    expect(a.user.length).toBeGreaterThan(12_000);
    expect(a.user.length).toBeLessThan(18_000);
    const counts = new Array(a.items.length).fill(0);
    for (const i of a.item) counts[i]++;
    counts.sort((x, y) => y - x);
    const top10 = counts.slice(0, 45).reduce((s, c) => s + c, 0);
    expect(top10 / a.item.length).toBeGreaterThan(0.3); // the top 10 % of items hold over 30 % of ratings
    const split = leaveLastOut(a, 42);
    expect(split.test.length).toBe(300);
    const lastTime = new Map<number, number>();
    for (let i = 0; i < a.user.length; i++)
      lastTime.set(a.user[i], Math.max(lastTime.get(a.user[i]) ?? -1, a.time[i]));
    for (const i of split.test) expect(a.time[i]).toBe(lastTime.get(a.user[i]));
    expect(new Set([...a.rating])).toEqual(new Set([1, 2, 3, 4, 5]));
  });
});
