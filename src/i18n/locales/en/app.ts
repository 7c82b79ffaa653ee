/** The studio's frame: boot, sidebar tabs, dialogs, projects, templates, error boundary. */
export const app = {
  opening: 'Opening your last project…',
  storageBlocked: 'This browser blocked its local storage, so projects cannot be saved: {{error}}',
  close: 'Close',
  panels: 'Panels',
  tabs: {
    layer: 'Layer',
    model: 'Model',
    data: 'Data',
    train: 'Train',
    runs: 'Runs',
    evaluate: 'Evaluate',
    publish: 'Publish',
    play: 'Play',
    generate: 'Generate',
  },
  areas: {
    palette: 'layer palette',
    graph: 'model graph',
    panel: '{{name}} panel',
  },
  panelError:
    'The {{area}} hit a problem and stopped: {{error}}. Your project is saved; the rest of the studio still works.',
  tryAgain: 'Try again',
  saveProjectFile: 'Save project file',
  openProjectFile: 'Open project file',
  projectFile: 'Project file',
  openFailed: 'Could not open that file: {{error}}',
  opened: 'Opened “{{name}}”.',
  projects: 'Projects',
  newProject: 'New project',
  untitled: 'Untitled project',
  projectNameOf: 'Name of project {{name}}',
  layerCount_one: '{{count, number}} layer',
  layerCount_other: '{{count, number}} layers',
  open: 'Open',
  duplicate: 'Duplicate',
  delete: 'Delete',
  confirmDelete: 'Delete the project “{{name}}”? This cannot be undone.',
  templates: 'Templates',
  openTemplate: 'Open template {{title}}',
  template: {
    'reference-cnn': {
      title: 'CNN for MNIST digits',
      description: 'The Keras MNIST example: Conv2D 32 3×3 → MaxPooling2D → Flatten → Dense 10 softmax.',
    },
    'tabular-mlp': {
      title: 'MLP for tabular data',
      description: '4 features → two hidden Dense layers → 3 classes (Iris).',
    },
    'lstm-text': {
      title: 'LSTM text classifier',
      description:
        'Token ids → Embedding → LSTM (every step) → GlobalMaxPooling1D → Dense: classifies e-mails as ham or spam (100 ids, 5,000 words).',
    },
    'conv-autoencoder': {
      title: 'Convolutional autoencoder',
      description: 'Compresses 28×28 images to a small code and reconstructs them.',
    },
    'residual-block': {
      title: 'Residual block',
      description: 'Two convolutions with a skip connection joined by Add (ResNet style), on MNIST digits.',
    },
    'two-input': {
      title: 'Two-input model',
      description:
        'Two Inputs, one per branch, joined by Concatenate: Iris sepal (length, width) and petal measurements.',
    },
    'cartpole-policy': {
      title: 'CartPole policy (REINFORCE)',
      description:
        'Balance a pole on a cart: 4 observations → Dense 32 ReLU → Dense 2 softmax (push left / right), trained by REINFORCE with a baseline.',
    },
    'maze-dqn': {
      title: 'Maze Q network (DQN)',
      description:
        'Find the way out of a 6×6 maze: one-hot position (36) → Dense 64 ReLU → Dense 4 linear Q values (up, right, down, left), trained by DQN.',
    },
    'catch-conv-policy': {
      title: 'Catch from pixels (Conv2D policy)',
      description:
        'Catch a falling ball, seeing only the 10×10 screen: Conv2D 8 3×3 → Flatten → Dense 32 → Dense 3 softmax (left, stay, right), trained by REINFORCE.',
    },
    'spiral-mlp': {
      title: 'MLP for 2-D points',
      description: 'x, y → two hidden Dense layers of 32 → 2 classes: separates the two interleaved spirals.',
    },
    'matrix-factorisation': {
      title: 'Matrix factorisation',
      description:
        'Recommendation: user and item ids → two Embeddings → Dot, plus a learnt bias per user and per item → rating (for the "Movie ratings" set).',
    },
    'neural-recommender': {
      title: 'Neural recommender',
      description:
        'Recommendation: user and item Embeddings → Concatenate → a Dense tower, plus a learnt bias per user and per item → rating.',
    },
    'single-object-localiser': {
      title: 'Single-object localiser',
      description:
        'Object localisation: a CNN with two heads, a box (4 numbers, sigmoid) and a class (softmax), each with its own loss.',
    },
    'speech-commands-cnn': {
      title: 'Speech commands CNN',
      description:
        'Speech: a log-mel spectrogram (61 frames × 40 mel bands) → three Conv2D blocks → Dense → 10 words (for the "Spoken digits" set).',
    },
    'vae-mnist': {
      title: 'VAE for MNIST digits',
      description:
        'Variational autoencoder with a 2-D latent space: Dense encoder → z_mean, z_log_var → Sampling → Dense decoder.',
    },
    'conv-vae': {
      title: 'Convolutional VAE',
      description: 'The Keras VAE example: strided Conv2D encoder, 2-D latent code, Conv2DTranspose decoder.',
    },
    'gan-mnist': {
      title: 'GAN for MNIST digits',
      description:
        'A generator (noise 64 → Dense 256 → 28×28 image) and a discriminator (image → Dense 256 → real or fake), trained against each other.',
    },
    'dcgan-mnist': {
      title: 'DCGAN for MNIST digits',
      description:
        'The DCGAN recipe: Conv2DTranspose generator with BatchNormalization, strided Conv2D discriminator with LeakyReLU.',
    },
  },
} as const;
