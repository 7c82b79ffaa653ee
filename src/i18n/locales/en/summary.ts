/** The Keras-style model summary. */
export const summary = {
  empty: 'Add layers to see the model summary.',
  region: 'Model summary',
  caption: 'Layers, output shapes and parameters',
  layerType: 'Layer (type)',
  outputShape: 'Output shape',
  params: 'Param #',
  connectedTo: 'Connected to',
  totalParams: 'Total params',
  trainableParams: 'Trainable params',
  nonTrainableParams: 'Non-trainable params',
  weightMemory: 'Weight memory',
  bytesFloat32: '{{bytes}} ({{n}} bytes, float32)',
} as const;
