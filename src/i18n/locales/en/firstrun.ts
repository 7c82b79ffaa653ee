/** First-run help: suggested settings, a template's own dataset, the check before Train, adding layers by click. */
export const firstrun = {
  blocked_one:
    'Train waits: the dataset does not fit the model. {{first}} Use the fix in the dataset–model check, or press “Apply the fixes and train”.',
  blocked_other:
    'Train waits: the dataset does not fit the model ({{count, number}} problems). First: {{first}} Use the fixes in the dataset–model check, or press “Apply the fixes and train”.',
  liveCharts: 'Live charts',
  fixAndTrain: 'Apply the fixes and train',
  suggested: 'suggested',
  suggestedHint: 'Suggested for {{count, number}} training samples; type a value to set your own.',
  trainsOn: 'Trains on {{dataset}} · {{epochs, number}} epochs, batch {{batch, number}}',
  withDataset: 'Open with its dataset and settings',
  cannotTake: '{{type}} cannot take the output of “{{source}}”: {{reason}}',
  addedUnconnected: '{{type}} was added below “{{source}}” but not connected: {{reason}}',
} as const;
