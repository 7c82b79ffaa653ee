/**
 * Shape-error sentences by code (src/graph gives each ShapeError / node problem a code and values; the English
 * here renders exactly the graph's own `message`, which `shape-messages.test.ts` checks) and one-click fix labels.
 */
export const shapes = {
  rank: '{{layer}} needs a rank-{{rank}} input {{notation}}; it got {{got}}.',
  minRank: '{{layer}} needs an input of rank {{rank}} or more {{notation}}; it got {{got}}.',
  tooSmall:
    '{{layer}}: the input {{input}} is too small for this {{what}} — the output would be {{output}}. Use a smaller {{what}}, padding "same", or a larger input.',
  knownDim:
    '{{layer}} needs a known {{what}} dimension; it got {{got}}, whose last axis is None (a size that varies). Give that axis a fixed size in the Input, or put a layer that sets it (Embedding for token ids, Dense, Conv1D) before {{layer}}.',
  imageRank: '{{layer}} needs a rank-4 input (None, h, w, c); it got {{got}}.',
  imageRankFix: '{{layer}} needs a rank-4 input (None, h, w, c); it got {{got}}. {{fix}} before it.',
  sequenceRank: '{{layer}} needs a rank-3 input (None, steps, channels); it got {{got}}.',
  sequenceRankFix:
    '{{layer}} needs a rank-3 input (None, steps, channels); it got {{got}}. {{fix}} before it.',
  kernelTooBig:
    '{{layer}}: a kernel of {{size}} does not fit the input {{input}} — the output would be {{output}}. Set padding to "same", use a smaller kernel, or feed a larger input.',
  windowTooBig:
    '{{layer}}: a pool window of {{size}} does not fit the input {{input}} — the output would be {{output}}. Set padding to "same", use a smaller pool window, or feed a larger input.',
  flattenFlat:
    'Flatten needs an input of rank 3 or more (None, …, …); it got {{got}}, which is already flat. Remove this Flatten.',
  flattenUnknown:
    'Flatten needs every dimension known; it got {{got}}, where None is a size that varies. Give the Input a fixed size there.',
  flattenUnknownPool:
    'Flatten needs every dimension known; it got {{got}}, where None is a size that varies. Replace Flatten with {{pool}}, which averages over that axis, or give the Input a fixed size there.',
  reshapeUnknown:
    'Reshape cannot infer -1 from {{got}}, whose size varies (None). Write every target size out instead of -1, or give the Input a fixed size.',
  rnnFeatures:
    '{{layer}} needs a known feature size (last axis); it got {{got}}. Put an Embedding before {{layer}} for token ids, or give the Input a fixed last size.',
  unknownType:
    'Unknown layer type "{{type}}": the studio cannot build it. Replace it with a supported layer or remove it.',
  needsInput: '{{type}} needs an input: connect a layer into it.',
  needsInputs: '{{type}} needs at least {{count}} inputs: connect a layer into it.',

  takesNoInputs: '{{type}} takes no inputs; it has {{n}}. Remove a connection.',
  takesAtMost_one: '{{type}} takes at most {{count}} input; it has {{n}}. Remove a connection.',
  takesAtMost_other: '{{type}} takes at most {{count}} inputs; it has {{n}}. Remove a connection.',
  waiting: 'Waiting for {{name}}, which has no valid output yet.',
  cycle: '{{name}} is part of a cycle: a layer cannot feed its own input. Remove one of the connections.',
  selfFeed: '{{name}} cannot feed itself.',
  inputTakesNone: '{{name}} is an Input: it takes no incoming connection.',
  alreadyConnected: '{{source}} is already connected to {{target}}.',
  wouldCycle:
    "Connecting {{source}} → {{target}} would make a cycle: {{target}} already feeds {{source}}. A model's data must flow one way.",
  tooManyInputs: '{{name}} takes at most {{count}} inputs; remove one first.',
  cannotConnect: 'Cannot connect {{source}} → {{target}}: {{reason}}',
  param: {
    wholeNumber: '{{name}} must be a whole number. Received: {{received}}',
    atLeast: '{{name}} must be at least {{min}}. Received: {{received}}',
    atMost: '{{name}} must be at most {{max}}. Received: {{received}}',
    below: '{{name}} must be below {{max}}. Received: {{received}}',
    number: '{{name}} must be a number. Received: {{received}}',
    bool: '{{name}} must be true or false.',
    oneOf: '{{name}} must be one of {{options}}. Received: {{received}}',
    oneOfLayer: '{{name}} must be one of {{options}}.',
    tuple: '{{name}} needs {{count}} whole numbers. Received: {{received}}',
    valuesAtLeast: '{{name}} values must be at least {{min}}. Received: {{received}}',
    valuesAtLeastInfer: '{{name}} values must be at least {{min}} (or -1 once). Received: {{received}}',
    wholeOrEmpty: '{{name}} must be a whole number or empty. Received: {{received}}',
    list: '{{name}} must be a list of whole numbers, e.g. 28, 28, 1.',
    listNone: '{{name}} must be a list of whole numbers or None, e.g. None, 28.',
    exactly: '{{name}} needs exactly {{count}} numbers.',
    between: '{{name}} needs {{min}} to {{max}} numbers. Received: {{received}}',
    nameInvalid: 'A layer name starts with a letter and uses letters, digits, _ . or - (at most 63).',
    nameTaken: 'Another layer is already named "{{name}}".',
    oneInferred: '{{name}} may contain at most one -1 (the inferred dimension).',
  },
  what: {
    'kernel size': 'kernel size',
    'channel (last)': 'channel (last)',
    'feature (last)': 'feature (last)',
    last: 'last',
  },
  fixPrefix: 'Fix: {{label}}',
  fix: {
    insert: 'Insert {{type}}',
    insertShape: 'Insert {{type}} [{{shape}}]',
    set: 'Set {{name}} to {{value}}',
    clear: 'Clear {{name}}',
  },
} as const;
