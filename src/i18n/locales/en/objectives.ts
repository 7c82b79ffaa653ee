/**
 * What the training engine says when a graph or dataset cannot train with the chosen objective (VAE, GAN,
 * autoencoder, agents). The worker raises `ObjectiveError` with one of these codes and its values; the English of
 * each entry is the engine's own sentence, word for word. `{{game}}`, `{{observation}}` and `{{actions}}` come
 * from the game's id through the `play` catalog; list values are other entries said in the UI language.
 */
export const objectives = {
  ganNeedsGraph: 'A GAN needs the graph to find its generator and discriminator.',
  ganNeedsData: 'A GAN learns from real samples: choose a dataset in the Data tab.',
  ganRoles:
    'A GAN needs exactly one generator and one discriminator, each its own sub-graph starting at an Input; this graph has {{generators}} and {{discriminators}}. Select each network\'s Input and set its role in the Layer tab (or open the "GAN for MNIST digits" template).',
  generators_one: '{{count}} generator',
  generators_other: '{{count}} generators',
  discriminators_one: '{{count}} discriminator',
  discriminators_other: '{{count}} discriminators',
  partInputsOutputs:
    'The {{part}} must have one Input and one output; it has {{inputs}} Inputs and {{outputs}} outputs.',
  generator: 'generator',
  discriminator: 'discriminator',
  ganNoise:
    "The generator's Input {{shape}} should be a noise vector: give it a shape such as [100] (the generator then grows it into an image).",
  ganShapes:
    "The generator makes {{fake}} but the discriminator takes {{image}}: change the generator's last layers (e.g. a Reshape to {{image}}) so the two shapes are equal.",
  ganVerdict:
    'The discriminator must end in one unit (real or fake: sigmoid or a raw logit); it ends in {{shape}}. Set its last Dense to 1 unit.',
  ganData:
    "The discriminator takes {{image}} but the dataset's samples are {{data}}: set its Input to the data's shape.",
  autoencoderNeedsData: 'An autoencoder learns from a dataset: choose one in the Data tab.',
  autoencoderInputsOutputs:
    'An autoencoder has one Input and one output; this model has {{inputs}} inputs and {{outputs}} outputs.',
  reconstructShape:
    "To reconstruct its input the model's output must have the input's shape: the output is {{output}} and the data is {{data}}. End the model with a layer of that shape (e.g. Reshape or Conv2D with {{filters}} filters).",
  vaeNeedsData: 'A VAE learns from a dataset: choose one in the Data tab.',
  vaeNeedsSampling:
    'A VAE needs a Sampling layer: give the encoder two Dense outputs of the same width (z_mean and z_log_var), join them in a Sampling layer and feed its output to the decoder — or train with the "autoencoder" objective.',
  latentFixedSize: 'The latent code {{shape}} needs a fixed size.',
  decoderTangled:
    '{{layer}} takes inputs from both before and after {{start}}, so the decoder cannot stand alone.',
  outputIndependent: "The model's output does not depend on {{start}}.",
  agentNeedsGame:
    'An agent needs a game to play: choose CartPole, Maze or Catch as the dataset (received "{{received}}").',
  agentDiscount: 'The discount γ must be in (0, 1]; received {{value}}.',
  agentCopies: 'Game copies must be 1–256; received {{value}}.',
  agentEntropy: 'The entropy bonus must be ≥ 0; received {{value}}.',
  agentStepsPerEpoch: 'Steps per epoch must be ≥ 1; received {{value}}.',
  agentBufferSize: 'The replay buffer must hold ≥ 1 transition; received {{value}}.',
  agentTargetUpdate: 'The target update period must be ≥ 1; received {{value}}.',
  agentEpsilonStart: 'ε start must be in [0, 1]; received {{value}}.',
  agentEpsilonEnd: 'ε end must be in [0, 1]; received {{value}}.',
  agentEpsilonSteps: 'ε decay steps must be ≥ 0; received {{value}}.',
  agentLearningStarts: 'Learning starts must be ≥ 0; received {{value}}.',
  agentInputs: "An agent's network has one input (the observation); this one has {{count}}.",
  agentObservation:
    "The network's input is {{have}} but {{game}} observes {{want}} ({{observation}}). Set Input to {{shape}}.",
  agentActions:
    "The network's output is {{have}} but {{game}} has {{count}} actions ({{actions}}): one output per action. Set the last Dense to {{count}} units.",
};
