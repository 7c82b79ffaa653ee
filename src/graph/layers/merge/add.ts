import { elementwiseMerge } from './merge-shape';

/** Adds its inputs element by element. */
export const add = elementwiseMerge(
  'Add',
  'Adds its inputs element by element, e.g. the skip connection of a residual block.',
);
