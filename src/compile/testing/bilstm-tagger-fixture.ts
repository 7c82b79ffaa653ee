/**
 * A sequence tagger as the tensorflowjs converter writes it for a Keras 2 functional model: token ids of any
 * length (batch_input_shape [null, null]) → Embedding 47,238 × 128 (mask_zero) → Bidirectional(LSTM 256,
 * return_sequences) → TimeDistributed(Dense 27, softmax), i.e. one of 27 tags per token: (None, None, 27) and
 * 6,046,464 + 788,480 + 13,851 = 6,848,795 parameters.
 */

const glorot = { class_name: 'GlorotUniform', config: { seed: null } };
const zeros = { class_name: 'Zeros', config: {} };
const noReg = {
  kernel_regularizer: null,
  bias_regularizer: null,
  activity_regularizer: null,
  kernel_constraint: null,
  bias_constraint: null,
};

const lstmConfig = (units: number) => ({
  name: 'lstm',
  trainable: true,
  dtype: 'float32',
  return_sequences: true,
  return_state: false,
  go_backwards: false,
  stateful: false,
  unroll: false,
  time_major: false,
  units,
  activation: 'tanh',
  recurrent_activation: 'sigmoid',
  use_bias: true,
  kernel_initializer: glorot,
  recurrent_initializer: { class_name: 'Orthogonal', config: { gain: 1.0, seed: null } },
  bias_initializer: zeros,
  unit_forget_bias: true,
  recurrent_regularizer: null,
  recurrent_constraint: null,
  ...noReg,
  dropout: 0.0,
  recurrent_dropout: 0.0,
  implementation: 2,
});

/** A tagger's model.json of any size (topology only: the weights are not needed to check shapes and counts). */
export const bilstmTagger = (vocab: number, dim: number, units: number) => ({
  format: 'layers-model',
  generatedBy: 'keras v2.15.0',
  convertedBy: 'TensorFlow.js Converter v4.22.0',
  modelTopology: {
    keras_version: '2.15.0',
    backend: 'tensorflow',
    model_config: {
      class_name: 'Functional',
      config: {
        name: 'bilstm_tagger',
        trainable: true,
        layers: [
          {
            class_name: 'InputLayer',
            config: {
              batch_input_shape: [null, null],
              dtype: 'int32',
              sparse: false,
              ragged: false,
              name: 'tokens',
            },
            name: 'tokens',
            inbound_nodes: [],
          },
          {
            class_name: 'Embedding',
            config: {
              name: 'embedding',
              trainable: true,
              dtype: 'float32',
              batch_input_shape: [null, null],
              input_dim: vocab,
              output_dim: dim,
              embeddings_initializer: {
                class_name: 'RandomUniform',
                config: { minval: -0.05, maxval: 0.05, seed: null },
              },
              embeddings_regularizer: null,
              activity_regularizer: null,
              embeddings_constraint: null,
              mask_zero: true,
              input_length: null,
            },
            name: 'embedding',
            inbound_nodes: [[['tokens', 0, 0, {}]]],
          },
          {
            class_name: 'Bidirectional',
            config: {
              name: 'bidirectional',
              trainable: true,
              dtype: 'float32',
              layer: { class_name: 'LSTM', config: lstmConfig(units) },
              merge_mode: 'concat',
            },
            name: 'bidirectional',
            inbound_nodes: [[['embedding', 0, 0, {}]]],
          },
          {
            class_name: 'TimeDistributed',
            config: {
              name: 'tags',
              trainable: true,
              dtype: 'float32',
              layer: {
                class_name: 'Dense',
                config: {
                  name: 'dense',
                  trainable: true,
                  dtype: 'float32',
                  units: 27,
                  activation: 'softmax',
                  use_bias: true,
                  kernel_initializer: glorot,
                  bias_initializer: zeros,
                  ...noReg,
                },
              },
            },
            name: 'tags',
            inbound_nodes: [[['bidirectional', 0, 0, {}]]],
          },
        ],
        input_layers: [['tokens', 0, 0]],
        output_layers: [['tags', 0, 0]],
      },
    },
    training_config: {
      loss: 'sparse_categorical_crossentropy',
      metrics: ['accuracy'],
      optimizer_config: { class_name: 'Adam', config: { learning_rate: 0.001 } },
    },
  },
  weightsManifest: [],
});

/** The tagger at full size: 6,848,795 parameters. */
export const BILSTM_TAGGER = bilstmTagger(47238, 128, 256);
