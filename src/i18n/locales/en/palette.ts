/** The layer palette (layer type names are Keras' and never translated). */
export const palette = {
  region: 'Layer palette',
  search: 'Search layers',
  searchPlaceholder: 'Search layers…',
  noMatch: 'No layer matches “{{query}}”.',
  category: {
    Input: 'Input',
    Core: 'Core',
    Convolution: 'Convolution',
    Pooling: 'Pooling',
    Reshaping: 'Reshaping',
    Normalization: 'Normalization',
    Regularization: 'Regularization',
    Activation: 'Activation',
    Recurrent: 'Recurrent',
    Merge: 'Merge',
    Embedding: 'Embedding',
    Wrapper: 'Wrapper',
  },
} as const;
