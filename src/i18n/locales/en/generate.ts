/** The Generate tab, the training objective settings and the names of the objectives' own loss series. */
export const generate = {
  title: 'Generate',
  samples: 'Samples',
  latentSpace: 'Latent space',
  reconstructions: 'Reconstructions',
  epoch: 'Epoch',
  epochN: 'epoch {{n}}',
  sampleN: 'Sample {{n}}',
  originalN: 'Test image {{n}}',
  reconstructionN: 'Reconstruction {{n}}',
  gridN: 'Decoded grid point {{n}}',
  encodings: 'Test images encoded in the latent space, coloured by class',
  value: 'value {{n}}',
  samplesTable: 'Generated samples',
  originalsTable: 'Test samples',
  reconstructionsTable: 'Their reconstructions',
  notImages:
    'These samples are not images (each is {{shape}}), so they are shown as a table: an image grid needs samples shaped like (height, width, channels).',
  manifoldImagesOnly: 'The decoded grid is drawn for image data only; the encodings are shown on the right.',
  latentNeeds2d:
    'The latent map needs a 2-D latent code: give z_mean and z_log_var 2 units each (like the "VAE for MNIST digits" template) to see it.',
  latentHelp:
    'Left: images decoded from a grid of latent codes z over [−3, 3]². Right: the test images’ z_mean, one colour per class.',
  trainFirst: 'Train the model: samples appear here after every epoch.',
  notGenerative:
    'This tab shows what a generative model makes. Choose the objective "VAE", "GAN" or "Autoencoder" in the Train tab, or open a VAE or GAN template.',
  samplesHelp: {
    vae: '64 images decoded from the same fixed-seed z ~ N(0, I) after every epoch.',
    gan: '64 images from the same fixed noise batch after every epoch: move the slider to compare epochs.',
    autoencoder: 'Reconstructions of test images after every epoch.',
  },
  publishHint: {
    vae: 'Publish the decoder in the Publish tab: it turns a latent vector into an image.',
    gan: 'Publish the generator in the Publish tab: it turns a noise vector into an image.',
  },
  settings: {
    objective: 'Objective',
    beta: 'KL weight β',
    discriminatorSteps: 'Discriminator steps per generator step',
    labelSmoothing: 'Label smoothing (real label 1 − s)',
    generatorLearningRate: 'Generator learning rate',
    discriminatorLearningRate: 'Discriminator learning rate',
  },
  objective: {
    supervised: 'Supervised (inputs → labels)',
    autoencoder: 'Autoencoder (input → input)',
    vae: 'VAE (variational autoencoder)',
    gan: 'GAN (generator vs discriminator)',
    reinforce: 'REINFORCE (policy gradient)',
    dqn: 'DQN (deep Q-network)',
  },
  objectiveHelp: {
    supervised: 'Learns the dataset’s labels or targets from its inputs.',
    autoencoder:
      'Learns to reproduce each input (labels are ignored): the output must have the input’s shape.',
    vae: 'Reconstruction + β·KL of every Sampling layer: the model needs a Sampling layer fed by z_mean and z_log_var.',
    gan: 'Trains the generator against the discriminator: two sub-graphs, each Input marked with its role in the Layer tab.',
    reinforce: 'An agent learns from the returns of its own episodes.',
    dqn: 'An agent learns action values from replayed experience.',
  },
  series: {
    total: 'total',
    reconstruction: 'reconstruction',
    kl: 'KL',
    discriminator: 'discriminator',
    generator: 'generator',
  },
  role: {
    label: 'Role (GAN)',
    none: 'None',
    generator: 'Generator',
    discriminator: 'Discriminator',
    help: 'A GAN trains two sub-graphs against each other: mark the generator’s Input (a noise vector) and the discriminator’s Input (an image).',
  },
  publish: {
    what: 'What to publish',
    whole: 'Whole model',
    decoder: 'Decoder (input z → image)',
    generator: 'Generator (noise → image)',
  },
};
