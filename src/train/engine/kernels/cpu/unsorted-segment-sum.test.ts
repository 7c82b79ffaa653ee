import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { registerCpuSegmentSum } from './unsorted-segment-sum';

describe('one-pass UnsortedSegmentSum on the CPU backend', () => {
  it('sums rows into their segments like the reference kernel, and an Embedding gradient lands per row', async () => {
    await tf.setBackend('cpu');
    const x = tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8], [4, 2]);
    const ids = tf.tensor1d([2, 0, 2, -1], 'int32');
    const before = await tf.unsortedSegmentSum(x, ids, 4).array();
    registerCpuSegmentSum();
    const after = await tf.unsortedSegmentSum(x, ids, 4).array();
    expect(after).toEqual(before);
    expect(after).toEqual([
      [3, 4],
      [0, 0],
      [6, 8],
      [0, 0],
    ]);
    const table = tf.variable(tf.zeros([5, 3]));
    const g = tf.grad((t: tf.Tensor) => tf.sum(tf.gather(t, tf.tensor1d([1, 1, 4], 'int32'))))(table);
    expect(await g.array()).toEqual([
      [0, 0, 0],
      [2, 2, 2],
      [0, 0, 0],
      [0, 0, 0],
      [1, 1, 1],
    ]);
  });
});
