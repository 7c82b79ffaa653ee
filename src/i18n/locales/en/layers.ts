/**
 * Layer descriptions and inspector help, by layer type (Keras' class name, never translated) and parameter name.
 * `help` holds a parameter's usual text; `helpFor.<Type>` overrides it where a layer says something else. The
 * English must equal the specs' own text in src/graph (`layer-texts.test.ts` checks); where a spec's text changed
 * and this catalog did not follow, the UI shows the spec's English.
 */
export const layers = {
  description: {
    Input: 'Entry point of the model: the shape of one sample, without the batch.',
    Dense: 'Fully connected layer: every output unit sees every input feature of the last axis.',
    Activation: 'Applies an activation function (relu, softmax, tanh …) to every element.',
    Masking:
      'Skips padded time steps: a step whose features all equal maskValue is ignored by the RNN layers after.',
    Sampling:
      'Draws the latent code z = z_mean + exp(½·z_log_var)·ε of a variational autoencoder from [z_mean, z_log_var].',
    Conv1D: 'Slides learned filters along a sequence (None, steps, channels) to detect local patterns.',
    Conv2D: 'Slides learned filters over an image (None, h, w, c) to detect local patterns.',
    Conv2DTranspose: 'Learned upsampling: the transpose of Conv2D, growing (None, h, w, c) by the strides.',
    SeparableConv2D:
      'A cheaper Conv2D: filters each channel on its own, then mixes channels with a 1×1 convolution.',
    DepthwiseConv2D:
      'Filters each channel of an image on its own; outputs channels × depthMultiplier channels.',
    Conv3D: 'Slides learned 3-D filters over a volume or clip (None, depth, h, w, c).',
    MaxPooling1D: 'Downsamples a sequence by keeping the largest value in each window.',
    AveragePooling1D: 'Downsamples a sequence by averaging each window.',
    MaxPooling2D: 'Downsamples an image by keeping the largest value in each window.',
    AveragePooling2D: 'Downsamples an image by averaging each window.',
    GlobalMaxPooling1D:
      'Keeps the largest value of each channel over all steps: (None, steps, c) → (None, c).',
    GlobalAveragePooling1D: 'Averages each channel over all steps: (None, steps, c) → (None, c).',
    GlobalMaxPooling2D:
      'Keeps the largest value of each channel over the image: (None, h, w, c) → (None, c).',
    GlobalAveragePooling2D: 'Averages each channel over the image: (None, h, w, c) → (None, c).',
    MaxPooling3D: 'Downsamples a volume by keeping the largest value in each 3-D window.',
    AveragePooling3D: 'Downsamples a volume by averaging each 3-D window.',
    Flatten: 'Flattens each sample into one vector, e.g. (None, 13, 13, 32) → (None, 5408).',
    Reshape: 'Gives each sample a new shape with the same number of elements; one entry may be -1.',
    Permute: 'Reorders the axes of each sample, e.g. dims 2, 1 turns (None, 10, 64) into (None, 64, 10).',
    RepeatVector:
      'Repeats each vector n times: (None, features) → (None, n, features), e.g. to feed a decoder RNN.',
    UpSampling2D: 'Enlarges each image by repeating (or interpolating) rows and columns by a factor.',
    ZeroPadding2D:
      'Adds rows and columns of zeros around each image, e.g. to keep borders through a convolution.',
    Cropping2D: 'Cuts rows and columns off the borders of each image, e.g. to match a skip connection.',
    BatchNormalization:
      'Normalises each feature (channel) with the statistics of the batch; speeds up and steadies training.',
    LayerNormalization:
      'Normalises each sample over its features, independent of the batch; common in sequence models.',
    Dropout: 'During training, sets a random fraction of inputs to 0 to reduce overfitting.',
    SpatialDropout1D:
      'During training, drops whole channels of a sequence (None, steps, channels) rather than single values.',
    GaussianNoise:
      'During training, adds zero-centred Gaussian noise to every input value (a data augmentation).',
    GaussianDropout:
      'During training, multiplies every input by noise centred on 1 (a smooth form of dropout).',
    AlphaDropout:
      'During training, drops inputs while keeping their mean and variance; pairs with selu activations.',
    ReLU: 'max(x, 0) as its own layer; with maxValue set, also caps the output (6 gives ReLU6).',
    LeakyReLU: 'Like ReLU, but negative inputs keep a small slope alpha instead of becoming 0.',
    PReLU: 'Leaky ReLU whose negative slope is learned, one per position unless axes are shared.',
    ELU: 'Exponential linear unit: x for positive inputs, exp(x) − 1 for negative ones.',
    ThresholdedReLU: 'Keeps values above the threshold theta and sets the rest to 0.',
    Softmax: 'Turns the values along the last axis into probabilities that sum to 1.',
    Embedding: 'Turns integer token ids (None, steps) into learned vectors (None, steps, outputDim).',
    SimpleRNN:
      'The simplest recurrent layer: each step mixes the input with the previous state; for short sequences.',
    LSTM: 'Long Short-Term Memory: a gated recurrent layer that remembers across long sequences.',
    GRU: 'Gated Recurrent Unit: a lighter gated recurrent layer, often as good as LSTM.',
    Add: 'Adds its inputs element by element, e.g. the skip connection of a residual block.',
    Subtract:
      'Subtracts its second input from its first, element by element (a − b), e.g. a difference of branches.',
    Multiply: 'Multiplies its inputs element by element, e.g. to gate one branch with another.',
    Average: 'Averages its inputs element by element, e.g. to ensemble branches.',
    Maximum: 'Keeps the element-wise maximum of its inputs.',
    Minimum: 'Keeps the element-wise minimum of its inputs.',
    Concatenate:
      'Joins its inputs along one axis (by default the features), e.g. (None, 3) + (None, 5) → (None, 8).',
    Dot: 'Dot product of two inputs along the chosen axes, e.g. similarity of two vectors (None, d) → (None, 1).',
    TimeDistributed:
      'Applies one layer (Dense, Conv2D …) to every time step of a sequence with the same weights.',
    Bidirectional: 'Runs a recurrent layer over the sequence forwards and backwards and merges both results.',
  },
  help: {
    shape:
      'One sample, e.g. 28, 28, 1; None (or an empty entry) for a size that varies, e.g. None for token ids of any length.',
    dtype: 'int32 for token ids fed to an Embedding.',
    units: 'Number of output units.',
    activation: 'Applied to the output.',
    maskValue: 'Steps whose every feature equals this value are masked.',
    filters: 'Number of output channels.',
    kernelSize: 'Length of the window along the steps.',
    padding: '"same" keeps the spatial size (with stride 1).',
    strides: 'Usually equal to the pool size.',
    depthMultiplier: 'Output channels per input channel.',
    poolSize: 'Window length along the steps.',
    targetShape: 'e.g. 28, 28, 1. A -1 is left unknown (None) by TF.js, so prefer explicit sizes.',
    dims: 'The new order of axes 1…n (the batch stays first).',
    n: 'How many times to repeat the input.',
    size: 'Upsampling factor per axis.',
    top: 'Rows of zeros added at the top.',
    bottom: 'Rows of zeros added at the bottom.',
    left: 'Columns of zeros added on the left.',
    right: 'Columns of zeros added on the right.',
    axis: 'The feature axis to normalise, usually -1 (channels last).',
    momentum: 'Momentum of the moving mean and variance.',
    epsilon: 'Added to the variance to avoid dividing by zero.',
    center: 'Learn an offset (beta).',
    scale: 'Learn a scale (gamma).',
    rate: 'Fraction of inputs to drop.',
    stddev: 'Standard deviation of the noise.',
    maxValue: 'Upper bound of the output; empty for none.',
    alpha: 'Slope for negative inputs.',
    sharedAxes: 'Axes that share one slope, e.g. 1, 2 for one slope per channel of an image. Empty: none.',
    theta: 'Values at or below it become 0.',
    inputDim: 'Vocabulary size: ids run from 0 to inputDim - 1.',
    outputDim: 'Length of each embedding vector.',
    maskZero: 'Treat id 0 as padding and mask it for the layers after.',
    inputLength: 'Fixed sequence length; leave empty for any.',
    returnSequences: 'Output every step (None, steps, units) instead of only the last (None, units).',
    goBackwards: 'Read the sequence backwards.',
    dropout: 'Fraction of the inputs dropped.',
    recurrentDropout: 'Fraction of the recurrent state dropped.',
    recurrentActivation: 'Applied to the gates (TF.js default: hardSigmoid).',
    axes: 'The axis of each input to multiply along.',
    normalize: 'L2-normalise both inputs first, giving the cosine similarity.',
    layer: 'The layer applied at each step.',
    mergeMode: 'concat doubles the features; the others keep them.',
  },
  helpFor: {
    units: 'Size of the hidden state (output features).',
    convPadding: '"same" keeps the number of steps (with stride 1).',
    transposePadding: '"same" multiplies the size by the strides exactly.',
    poolPadding: '"same" pads so that every input position is covered.',
    upsampleStrides: 'Upsampling factor per axis.',
    separableDepth: 'Depthwise output channels per input channel.',
    cropTop: 'Rows removed at the top.',
    cropBottom: 'Rows removed at the bottom.',
    cropLeft: 'Columns removed on the left.',
    cropRight: 'Columns removed on the right.',
    layerNormAxis: 'The axis to normalise over, usually -1 (the features).',
    softmaxAxis: 'The axis to normalise; TF.js supports only the last (-1).',
    concatAxis: 'The axis to join along; -1 is the last. Every other axis must match.',
    channelRate: 'Fraction of channels to drop.',
    gaussianRate: 'Drop probability, as in Dropout.',
    bidirectionalLayer: 'The recurrent layer to run both ways.',
  },
} as const;
