/**
 * Messages of the training engine (src/train, which runs in a worker and words them in English) in the UI
 * language. They are recognised by their fixed wording; the pattern's groups become the catalog entry's values
 * (`train:engine.<key>`). A message not listed here shows as the engine wrote it.
 */
import { i18n } from '../../i18n';

type Lookup = (key: string, values?: Record<string, unknown>) => string;
const t = (key: string, values?: Record<string, unknown>) => (i18n.t as unknown as Lookup)(key, values);

const PATTERNS: [RegExp, string, string[]][] = [
  [/^fastest on this model$/, 'fastest', []],
  [/^chosen in the settings$/, 'chosen', []],
  [/^fallback after the GPU device was lost$/, 'fallback', []],
  [/^an agent reads its network once per move$/, 'agent', []],
  [
    /^The loss was (NaN|infinite) on the first batch: check that the data has no missing or huge values and that the loss \((.*)\) suits the model's output\.$/s,
    'firstBatch',
    ['what', 'loss'],
  ],
  [
    /^Training stopped: the loss became (NaN|infinite) at step (\d+) \(epoch ([\d.]+)\)\. The learning rate \((\S+)\) is probably too high — try (\S+), or a smaller batch of changes per step \(gradient blow-up\)\.$/,
    'blewUp',
    ['what', 'step', 'epoch', 'lr', 'lower'],
  ],
  [
    /^The training data holds a missing or infinite value \(sample (\d+)\): fix the dataset first\.$/,
    'badValue',
    ['n'],
  ],
  [/^Could not use (\S+) \((.*)\); measuring the others instead\.$/s, 'couldNotUse', ['backend', 'problem']],
  [
    /^The GPU device was lost; training moved to (\S+) and continues from the checkpoint of epoch (\d+)\.$/,
    'deviceLostFrom',
    ['backend', 'epoch'],
  ],
  [
    /^The GPU device was lost; training moved to (\S+) and continues from the start \(no epoch was finished yet\)\.$/,
    'deviceLostStart',
    ['backend'],
  ],
  [/^The checkpoint could not be saved \((.*)\); training goes on\.$/s, 'checkpointFailed', ['error']],
  [/^Train the model first\.$/, 'trainFirst', []],
  [/^No backend could train this model: (.*)\.$/s, 'noBackend', ['details']],
  [/^the page is not cross-origin isolated \(.*\), so WASM runs on one thread$/, 'notIsolated', []],
  [/^this browser offers no SharedArrayBuffer, so WASM runs on one thread$/, 'noSharedMemory', []],
  [
    /^the threaded WASM build did not start \((.*)\), so WASM runs on one thread$/s,
    'threadsFailed',
    ['error'],
  ],
  [
    /^Early stopping: no improvement for (\d+) epochs; kept the best epoch \((\d+)\)\.$/,
    'earlyStopped',
    ['patience', 'best'],
  ],
  [
    /^Early stopping: no improvement for (\d+) epochs; kept the best epoch \((\d+)\) and restored its weights\.$/,
    'earlyStoppedRestored',
    ['patience', 'best'],
  ],
  [
    /^Data error: the dataset holds id ([\d,]+), but a lookup layer \(Embedding\) only has rows 0 to ([\d,]+)\. Raise its inputDim to the vocabulary size \(the dataset–model check in the Train tab sets it in one click\)\.$/,
    'lookupRange',
    ['id', 'last'],
  ],
  [/^The model cannot train on this data: (.*)$/s, 'cannotTrainOnData', ['error']],
];

/** A training message (alert, notice, backend reason) in the UI language. */
export function trainMessage(english: string): string {
  if (!i18n.language || i18n.language.startsWith('en')) return english;
  for (const [pattern, key, names] of PATTERNS) {
    const m = pattern.exec(english);
    if (!m) continue;
    const values: Record<string, string> = Object.fromEntries(names.map((n, i) => [n, m[i + 1]]));
    if (values.what) values.what = t(`train:engine.${values.what === 'NaN' ? 'nan' : 'infinite'}`);
    return t(`train:engine.${key}`, values);
  }
  return english;
}
