import { performance } from 'node:perf_hooks';
import { buildDataset } from '/work/main/src/data/load';
import { DEFAULT_SPLIT } from '/work/main/src/data/split';
import { chain, TEMPLATES } from '/work/main/src/graph/templates';
import { predictSplit } from '/work/main/src/train/engine/evaluate';
import { Session } from '/work/main/src/train/engine/session';
import { nodeBackends } from '/work/main/src/train/testing/backends';
import { startMessage } from '/work/main/src/train/testing/session';
import { builtinIO, trainingData } from '/work/main/src/train/testing/template-run';

const epochs = Number(process.env.EPOCHS ?? 12);
const t0 = performance.now();
const ds = await buildDataset({ version: 1, source: { kind: 'builtin', id: 'digits-audio', seed: 1, samples: 0 }, split: DEFAULT_SPLIT, augment: null, fitted: {} }, builtinIO());
console.error('load s', (performance.now() - t0) / 1000);
const template = TEMPLATES.find((x) => x.id === 'speech-commands-cnn')!;
const backends = await nodeBackends();
console.error('backends', backends);
const td = trainingData(ds);
const data = { ...td, val: td.test, augment: process.env.AUG ? { flip: false, rotation: 0, shift: 0.1, zoom: 0.1 } : null };
const cfg = { optimizer: 'adam', learningRate: Number(process.env.LR ?? 0.001), schedule: 'constant', loss: 'auto', seed: 1, batchSize: 32, epochs, backend: backends.includes('wasm') ? 'wasm' : 'cpu' } as const;
const f = (process.env.FILTERS ?? '16,32,64').split(',').map(Number);
const head = process.env.GAP ? [['GlobalAveragePooling2D'], ['Dropout', { rate: 0.3 }], ['Dense', { units: 10, activation: 'softmax' }]] : [['Flatten'], ['Dropout', { rate: 0.3 }], ['Dense', { units: 64, activation: 'relu' }], ['Dense', { units: 10, activation: 'softmax' }]];
const graph = chain([
  ['Input', { shape: ds.inputShape }],
  ...f.flatMap((n) => [['Conv2D', { filters: n, kernelSize: [3, 3], padding: 'same', activation: 'relu' }], ['MaxPooling2D', { poolSize: [2, 2], strides: [2, 2] }]]),
  ...head,
] as never).graph;
const msg = { ...startMessage(graph, data, cfg as never), checkpoints: false };
const s: Session = new Session(msg as never, (m) => {
  if (m.type === 'epoch') console.error('epoch', m.point.epoch, 'loss', m.point.loss.toFixed(3), 'acc', m.point.accuracy?.toFixed(3), 'val', m.point.valAccuracy?.toFixed(3), 't', (m.point.time / 1000).toFixed(0));
  if (m.type === 'error') console.error('ERROR', m.message);
}, { save: async () => undefined, remove: async () => undefined });
await s.run();
const probs = await predictSplit(s.model!, s.trainer!.feed!, data.test);
let right = 0;
for (let i = 0; i < data.test.count; i++) { const row = Array.from(probs.subarray(i * 10, i * 10 + 10)); if (row.indexOf(Math.max(...row)) === data.test.y[i]) right++; }
console.error('TEST', right / data.test.count, 'total s', (performance.now() - t0) / 1000);
process.exit(0);
