import { elementwiseMerge } from './merge-shape';

/** Keeps the element-wise minimum of its inputs. */
export const minimum = elementwiseMerge('Minimum', 'Keeps the element-wise minimum of its inputs.');
