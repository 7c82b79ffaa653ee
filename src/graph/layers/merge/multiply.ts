import { elementwiseMerge } from './merge-shape';

/** Multiplies its inputs element by element. */
export const multiply = elementwiseMerge(
  'Multiply',
  'Multiplies its inputs element by element, e.g. to gate one branch with another.',
);
