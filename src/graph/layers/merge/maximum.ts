import { elementwiseMerge } from './merge-shape';

/** Keeps the element-wise maximum of its inputs. */
export const maximum = elementwiseMerge('Maximum', 'Keeps the element-wise maximum of its inputs.');
