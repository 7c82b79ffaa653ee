import { defineLayer } from '../../define';
import { activation } from '../../params';

/** Applies an activation function element-wise. */
export const activationLayer = defineLayer({
  type: 'Activation',
  category: 'Activation',
  description: 'Applies an activation function (relu, softmax, tanh …) to every element.',
  params: { activation: activation('relu') },
  outputShape: ([x]) => x,
  paramCount: () => 0,
  sampleInputs: (rng) => [[null, 1 + Math.floor(rng() * 8), 1 + Math.floor(rng() * 8)]],
});
