/** Hand-written model.json in the format the tensorflowjs converter writes for a Keras 2 functional model. */

const glorot = { class_name: 'GlorotUniform', config: { seed: null } };
const zeros = { class_name: 'Zeros', config: {} };
const noReg = {
  kernel_regularizer: null,
  bias_regularizer: null,
  activity_regularizer: null,
  kernel_constraint: null,
  bias_constraint: null,
};

const lstmConfig = {
  name: 'lstm',
  trainable: true,
  dtype: 'float32',
  return_sequences: false,
  return_state: false,
  go_backwards: false,
  stateful: false,
  unroll: false,
  time_major: false,
  units: 8,
  activation: 'tanh',
  recurrent_activation: 'sigmoid',
  use_bias: true,
  kernel_initializer: glorot,
  recurrent_initializer: { class_name: 'Orthogonal', config: { gain: 1.0, seed: null } },
  bias_initializer: zeros,
  unit_forget_bias: true,
  dropout: 0.0,
  recurrent_dropout: 0.0,
  implementation: 2,
};

/** Two inputs: a sequence through Bidirectional(LSTM) and a feature vector through Dense, joined by Concatenate. */
export const KERAS2_FUNCTIONAL = {
  format: 'layers-model',
  generatedBy: 'keras v2.15.0',
  convertedBy: 'TensorFlow.js Converter v4.22.0',
  modelTopology: {
    keras_version: '2.15.0',
    backend: 'tensorflow',
    model_config: {
      class_name: 'Functional',
      config: {
        name: 'keras2_model',
        trainable: true,
        layers: [
          {
            class_name: 'InputLayer',
            config: {
              batch_input_shape: [null, 10, 4],
              dtype: 'float32',
              sparse: false,
              ragged: false,
              name: 'sequence',
            },
            name: 'sequence',
            inbound_nodes: [],
          },
          {
            class_name: 'InputLayer',
            config: {
              batch_input_shape: [null, 3],
              dtype: 'float32',
              sparse: false,
              ragged: false,
              name: 'features',
            },
            name: 'features',
            inbound_nodes: [],
          },
          {
            class_name: 'Bidirectional',
            config: {
              name: 'bidirectional',
              trainable: true,
              dtype: 'float32',
              layer: { class_name: 'LSTM', config: lstmConfig },
              merge_mode: 'concat',
            },
            name: 'bidirectional',
            inbound_nodes: [[['sequence', 0, 0, {}]]],
          },
          {
            class_name: 'Dense',
            config: {
              name: 'dense',
              trainable: true,
              dtype: 'float32',
              units: 5,
              activation: 'relu',
              use_bias: true,
              kernel_initializer: glorot,
              bias_initializer: zeros,
              ...noReg,
            },
            name: 'dense',
            inbound_nodes: [[['features', 0, 0, {}]]],
          },
          {
            class_name: 'Concatenate',
            config: { name: 'concatenate', trainable: true, dtype: 'float32', axis: -1 },
            name: 'concatenate',
            inbound_nodes: [
              [
                ['bidirectional', 0, 0, {}],
                ['dense', 0, 0, {}],
              ],
            ],
          },
          {
            class_name: 'Dense',
            config: {
              name: 'out',
              trainable: true,
              dtype: 'float32',
              units: 2,
              activation: 'softmax',
              use_bias: true,
              kernel_initializer: glorot,
              bias_initializer: zeros,
              ...noReg,
            },
            name: 'out',
            inbound_nodes: [[['concatenate', 0, 0, {}]]],
          },
        ],
        input_layers: [
          ['sequence', 0, 0],
          ['features', 0, 0],
        ],
        output_layers: [['out', 0, 0]],
      },
    },
    training_config: {
      loss: 'categorical_crossentropy',
      metrics: ['accuracy'],
      optimizer_config: { class_name: 'Adam', config: { learning_rate: 0.001 } },
    },
  },
  weightsManifest: [
    {
      paths: ['group1-shard1of1.bin'],
      weights: [
        { name: 'bidirectional/forward_lstm/lstm_cell/kernel', shape: [4, 32], dtype: 'float32' },
        { name: 'bidirectional/forward_lstm/lstm_cell/recurrent_kernel', shape: [8, 32], dtype: 'float32' },
        { name: 'bidirectional/forward_lstm/lstm_cell/bias', shape: [32], dtype: 'float32' },
        { name: 'bidirectional/backward_lstm/lstm_cell/kernel', shape: [4, 32], dtype: 'float32' },
        { name: 'bidirectional/backward_lstm/lstm_cell/recurrent_kernel', shape: [8, 32], dtype: 'float32' },
        { name: 'bidirectional/backward_lstm/lstm_cell/bias', shape: [32], dtype: 'float32' },
        { name: 'dense/kernel', shape: [3, 5], dtype: 'float32' },
        { name: 'dense/bias', shape: [5], dtype: 'float32' },
        { name: 'out/kernel', shape: [21, 2], dtype: 'float32' },
        { name: 'out/bias', shape: [2], dtype: 'float32' },
      ],
    },
  ],
};

/** The same kind of file with a layer the catalog lacks (Keras' RandomFlip) between the input and a Conv2D. */
export const KERAS2_WITH_UNKNOWN = {
  modelTopology: {
    keras_version: '2.15.0',
    backend: 'tensorflow',
    model_config: {
      class_name: 'Functional',
      config: {
        name: 'augmenting',
        layers: [
          {
            class_name: 'InputLayer',
            config: { batch_input_shape: [null, 32, 32, 3], dtype: 'float32', name: 'image' },
            name: 'image',
            inbound_nodes: [],
          },
          {
            class_name: 'RandomFlip',
            config: { name: 'random_flip', mode: 'horizontal', seed: null },
            name: 'random_flip',
            inbound_nodes: [[['image', 0, 0, {}]]],
          },
          {
            class_name: 'Conv2D',
            config: {
              name: 'conv2d',
              filters: 4,
              kernel_size: [3, 3],
              strides: [1, 1],
              padding: 'valid',
              data_format: 'channels_last',
              dilation_rate: [1, 1],
              activation: 'relu',
              use_bias: true,
              kernel_initializer: glorot,
              bias_initializer: zeros,
              ...noReg,
            },
            name: 'conv2d',
            inbound_nodes: [[['random_flip', 0, 0, {}]]],
          },
          {
            class_name: 'Dense',
            config: { name: 'head', units: 2, activation: 'linear', use_bias: true },
            name: 'head',
            inbound_nodes: [[['image', 0, 0, {}]]],
          },
        ],
        input_layers: [['image', 0, 0]],
        output_layers: [
          ['conv2d', 0, 0],
          ['head', 0, 0],
        ],
      },
    },
  },
};

/** A weights file for a manifest: float32 values 0, 0.001, 0.002 … in manifest order. */
export function countingWeights(count: number): ArrayBuffer {
  return Float32Array.from({ length: count }, (_, i) => i / 1000).buffer;
}
