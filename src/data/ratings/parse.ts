import { DataError } from '../types';
import type { Ratings } from './ratings';

/** Most ratings read from one file (keeps memory and evaluation time reasonable in a browser). */
export const MAX_RATINGS = 2_000_000;

const DELIMITERS = ['::', '\t', ',', ';', '|'];

function detectDelimiter(line: string): string {
  return DELIMITERS.find((d) => line.includes(d)) ?? ',';
}

const unquote = (s: string) => s.trim().replace(/^"(.*)"$/, '$1');

/**
 * Reads a ratings table: user, item, rating and optionally a timestamp per row (comma, tab, semicolon, "|" or
 * "::" separated; a header row is recognised by a rating that is not a number). Ids may be any text; they are
 * mapped to indices in order of first appearance. A broken row stops the import with a sentence naming it.
 */
export function parseRatings(text: string): Ratings {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new DataError('The ratings file is empty.', { code: 'ratingsEmpty' });
  const delimiter = detectDelimiter(lines[0]);
  const first = lines[0].split(delimiter).map(unquote);
  const header = first.length >= 3 && !Number.isFinite(Number(first[2]));
  const width = first.length;
  if (width < 3 || width > 4) {
    throw new DataError(
      `A ratings file needs 3 or 4 columns (user, item, rating[, timestamp]); the first row has ${width}.`,
      { code: 'ratingsColumns', values: { count: width } },
    );
  }
  const rows = header ? lines.slice(1) : lines;
  if (rows.length === 0)
    throw new DataError('The ratings file has a header but no ratings.', { code: 'ratingsHeaderOnly' });
  if (rows.length > MAX_RATINGS)
    throw new DataError(`The file has ${rows.length} ratings; at most ${MAX_RATINGS} can be loaded.`, {
      code: 'ratingsTooMany',
      values: { count: rows.length, max: MAX_RATINGS },
    });
  const userIds = new Map<string, number>();
  const itemIds = new Map<string, number>();
  const user = new Int32Array(rows.length);
  const item = new Int32Array(rows.length);
  const rating = new Float32Array(rows.length);
  const time = new Float64Array(rows.length);
  const id = (map: Map<string, number>, key: string) => {
    const known = map.get(key);
    if (known !== undefined) return known;
    map.set(key, map.size);
    return map.size - 1;
  };
  rows.forEach((line, r) => {
    const row = r + (header ? 2 : 1);
    const cells = line.split(delimiter).map(unquote);
    if (cells.length !== width) {
      const columns = `user, item, rating${width === 4 ? ', timestamp' : ''}`;
      throw new DataError(
        `Row ${row} has ${cells.length} field${cells.length === 1 ? '' : 's'}, but the file's rows have ${width} (${columns}): "${line.slice(0, 60)}".`,
        {
          code: 'ratingsRowFields',
          values: { row, count: cells.length, width, columns, line: line.slice(0, 60) },
        },
      );
    }
    if (cells[0] === '' || cells[1] === '')
      throw new DataError(`Row ${row} has an empty user or item id.`, {
        code: 'ratingsEmptyId',
        values: { row },
      });
    const value = Number(cells[2]);
    if (cells[2] === '' || !Number.isFinite(value))
      throw new DataError(`Row ${row}: the rating "${cells[2]}" is not a number.`, {
        code: 'ratingNotNumber',
        values: { row, value: cells[2] },
      });
    const t = width === 4 ? Number(cells[3]) : r;
    if (!Number.isFinite(t))
      throw new DataError(`Row ${row}: the timestamp "${cells[3]}" is not a number.`, {
        code: 'timestampNotNumber',
        values: { row, value: cells[3] },
      });
    user[r] = id(userIds, cells[0]);
    item[r] = id(itemIds, cells[1]);
    rating[r] = value;
    time[r] = t;
  });
  return { users: [...userIds.keys()], items: [...itemIds.keys()], user, item, rating, time };
}
