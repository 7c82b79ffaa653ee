import { elementwiseMerge } from './merge-shape';

/** Averages its inputs element by element. */
export const average = elementwiseMerge(
  'Average',
  'Averages its inputs element by element, e.g. to ensemble branches.',
);
