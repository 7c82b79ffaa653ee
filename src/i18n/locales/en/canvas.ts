/** The model graph: nodes, handles, notices, the empty canvas. */
export const canvas = {
  region: 'Model graph',
  minimap: 'Minimap',
  empty: 'Drag layers here from the palette, or open a template to start.',
  node: '{{type}} layer {{name}}',
  inputOf: 'Input of {{name}}',
  outputOf: 'Output of {{name}}',
  fix: 'Fix: {{label}}',
  dismiss: 'Dismiss message',
  paramCount_one: '{{count, number}} param',
  paramCount_other: '{{count, number}} params',
} as const;
