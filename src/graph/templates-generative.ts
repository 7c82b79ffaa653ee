/**
 * Templates of the generative families: variational autoencoders (the Keras VAE example, dense and
 * convolutional) and GANs (dense, and DCGAN as in the Keras example / the DCGAN paper). A GAN's generator and
 * discriminator are two sub-graphs of one graph, marked by the role on their Inputs.
 */
import { addNode, connect } from './ops';
import { setRole } from './roles';
import type { ChainStep, Template } from './templates';
import type { Graph } from './types';

/** Appends a chain of layers after `from` (or as a new chain); returns the graph and the new node ids. */
function extend(graph: Graph, from: string | null, steps: ChainStep[], x: number, y0: number) {
  let g = graph;
  const ids: string[] = [];
  let prev = from;
  steps.forEach(([type, params, name], i) => {
    const added = addNode(g, type, { x, y: y0 + i * 110 }, { params, name });
    g = added.graph;
    if (prev) g = connect(g, prev, added.id);
    prev = added.id;
    ids.push(added.id);
  });
  return { graph: g, ids };
}

/** Encoder → [z_mean, z_log_var] → Sampling → decoder, with `latent` dimensions. */
function vae(encoder: ChainStep[], decoder: ChainStep[], latent: number): Graph {
  const enc = extend({ nodes: [], edges: [] }, null, encoder, 0, 0);
  const top = enc.ids[enc.ids.length - 1];
  const y = encoder.length * 110;
  const mean = extend(enc.graph, top, [['Dense', { units: latent }, 'z_mean']], -150, y);
  const logVar = extend(mean.graph, top, [['Dense', { units: latent }, 'z_log_var']], 150, y);
  const z = extend(logVar.graph, null, [['Sampling', {}, 'z']], 0, y + 110);
  let g = connect(z.graph, mean.ids[0], z.ids[0]);
  g = connect(g, logVar.ids[0], z.ids[0]);
  return extend(g, z.ids[0], decoder, 0, y + 220).graph;
}

/** A generator chain and a discriminator chain side by side, with their roles set. */
function gan(generator: ChainStep[], discriminator: ChainStep[]): Graph {
  const gen = extend({ nodes: [], edges: [] }, null, generator, 0, 0);
  const disc = extend(gen.graph, null, discriminator, 400, 0);
  return setRole(setRole(disc.graph, gen.ids[0], 'generator'), disc.ids[0], 'discriminator');
}

const LEAKY: ChainStep = ['LeakyReLU', { alpha: 0.2 }];

/** A GAN template's recommended run on MNIST: 3 epochs of 64, both Adam optimisers at `lr` (β1 0.5). */
function ganRecipe(lr: number): Template['recommended'] {
  return {
    dataset: 'mnist',
    settings: {
      epochs: 3,
      batchSize: 64,
      objective: 'gan',
      generative: { generatorLearningRate: lr, discriminatorLearningRate: lr },
    },
  };
}

export const GENERATIVE_TEMPLATES: readonly Template[] = [
  {
    id: 'vae-mnist',
    title: 'VAE for MNIST digits',
    description:
      'Variational autoencoder with a 2-D latent space: Dense encoder → z_mean, z_log_var → Sampling → Dense decoder.',
    recommended: { dataset: 'mnist', settings: { epochs: 5, batchSize: 64, objective: 'vae' } },
    build: () =>
      vae(
        [['Input', { shape: [28, 28, 1] }], ['Flatten'], ['Dense', { units: 256, activation: 'relu' }]],
        [
          ['Dense', { units: 256, activation: 'relu' }],
          ['Dense', { units: 784, activation: 'sigmoid' }],
          ['Reshape', { targetShape: [28, 28, 1] }],
        ],
        2,
      ),
  },
  {
    id: 'conv-vae',
    title: 'Convolutional VAE',
    description: 'The Keras VAE example: strided Conv2D encoder, 2-D latent code, Conv2DTranspose decoder.',
    recommended: { dataset: 'mnist', settings: { epochs: 5, batchSize: 64, objective: 'vae' } },
    build: () =>
      vae(
        [
          ['Input', { shape: [28, 28, 1] }],
          [
            'Conv2D',
            { filters: 32, kernelSize: [3, 3], strides: [2, 2], padding: 'same', activation: 'relu' },
          ],
          [
            'Conv2D',
            { filters: 64, kernelSize: [3, 3], strides: [2, 2], padding: 'same', activation: 'relu' },
          ],
          ['Flatten'],
          ['Dense', { units: 16, activation: 'relu' }],
        ],
        [
          ['Dense', { units: 7 * 7 * 64, activation: 'relu' }],
          ['Reshape', { targetShape: [7, 7, 64] }],
          [
            'Conv2DTranspose',
            { filters: 64, kernelSize: [3, 3], strides: [2, 2], padding: 'same', activation: 'relu' },
          ],
          [
            'Conv2DTranspose',
            { filters: 32, kernelSize: [3, 3], strides: [2, 2], padding: 'same', activation: 'relu' },
          ],
          ['Conv2DTranspose', { filters: 1, kernelSize: [3, 3], padding: 'same', activation: 'sigmoid' }],
        ],
        2,
      ),
  },
  {
    id: 'gan-mnist',
    title: 'GAN for MNIST digits',
    description:
      'A generator (noise 64 → Dense 256 → 28×28 image) and a discriminator (image → Dense 256 → real or fake), trained against each other.',
    // Small and fast at 1e-3: about 1,000 steps make digits a classifier recognises; 3 epochs of 55k are 2,580.
    recommended: ganRecipe(1e-3),
    build: () =>
      gan(
        [
          ['Input', { shape: [64] }, 'noise'],
          ['Dense', { units: 256 }],
          LEAKY,
          ['Dense', { units: 784, activation: 'sigmoid' }],
          ['Reshape', { targetShape: [28, 28, 1] }, 'fake_image'],
        ],
        [
          ['Input', { shape: [28, 28, 1] }, 'image'],
          ['Flatten'],
          ['Dense', { units: 256 }],
          LEAKY,
          ['Dense', { units: 1, activation: 'sigmoid' }, 'real_or_fake'],
        ],
      ),
  },
  {
    id: 'dcgan-mnist',
    title: 'DCGAN for MNIST digits',
    description:
      'The DCGAN recipe: Conv2DTranspose generator with BatchNormalization, strided Conv2D discriminator with LeakyReLU.',
    recommended: ganRecipe(2e-4), // The DCGAN paper's Adam 2e-4.
    build: () =>
      gan(
        [
          ['Input', { shape: [64] }, 'noise'],
          ['Dense', { units: 7 * 7 * 64 }],
          ['BatchNormalization'],
          ['ReLU'],
          ['Reshape', { targetShape: [7, 7, 64] }],
          ['Conv2DTranspose', { filters: 32, kernelSize: [4, 4], strides: [2, 2], padding: 'same' }],
          ['BatchNormalization'],
          ['ReLU'],
          [
            'Conv2DTranspose',
            { filters: 1, kernelSize: [4, 4], strides: [2, 2], padding: 'same', activation: 'sigmoid' },
            'fake_image',
          ],
        ],
        [
          ['Input', { shape: [28, 28, 1] }, 'image'],
          ['Conv2D', { filters: 32, kernelSize: [4, 4], strides: [2, 2], padding: 'same' }],
          LEAKY,
          ['Conv2D', { filters: 64, kernelSize: [4, 4], strides: [2, 2], padding: 'same' }],
          ['BatchNormalization'],
          LEAKY,
          ['Flatten'],
          ['Dense', { units: 1, activation: 'sigmoid' }, 'real_or_fake'],
        ],
      ),
  },
];
