// `npx tsx bench/domains-localise.ts [--quick]`: the built-in box set and the "Single-object localiser" template
// in Node (WASM backend where available, else CPU): data load time, training samples/s, and per epoch the test split's mean IoU, accuracy at
// IoU ≥ 0.5 and class accuracy. Prints one JSON object.
import * as tf from '@tensorflow/tfjs';
import { buildDataset } from '../src/data/load';
import { DEFAULT_SPLIT } from '../src/data/split';
import { boxReport } from '../src/evaluate/boxes';
import { TEMPLATES } from '../src/graph/templates';
import { buildModel } from '../src/train/engine/model';
import { nodeBackends } from '../src/train/testing/backends';
import { Trainer } from '../src/train/engine/trainer';
import type { TrainingConfig } from '../src/train/types';
import { readBoxRow } from '../src/ui/evaluation/box-draw';

const quick = process.argv.includes('--quick');
const round = (v: number, d = 4) => Math.round(v * 10 ** d) / 10 ** d;

async function main() {
  const backend = (await nodeBackends()).includes('wasm') ? 'wasm' : 'cpu';
  await tf.setBackend(backend);
  const samples = quick ? 600 : 1200;
  const t0 = performance.now();
  const source = { kind: 'builtin' as const, id: 'boxes' as const, seed: 1, samples };
  const io = { asset: async () => new Uint8Array(0), file: async () => new Blob([]) };
  const ds = await buildDataset({ version: 1, source, split: DEFAULT_SPLIT, augment: null, fitted: {} }, io);
  const loadMs = performance.now() - t0;
  const split = (k: 'train' | 'val' | 'test') => ({ x: ds.x[k], y: ds.y[k], count: ds.counts[k] });
  const data = { ...ds, augment: null, train: split('train'), val: split('val'), test: split('test') };
  const template = TEMPLATES.find((t) => t.id === 'single-object-localiser')!;
  const config: TrainingConfig = {
    optimizer: 'adam',
    learningRate: template.recommended?.settings.learningRate ?? 0.002,
    schedule: 'constant',
    loss: 'auto',
    batchSize: 32,
    epochs: quick ? 3 : 10,
    seed: 1,
    backend,
  };
  const model = buildModel(template.build(), 1);
  const n = ds.counts.test;
  const width = ds.targetShape[0];
  const epochs: Record<string, number>[] = [];
  const trainer = new Trainer(model, data, config, {
    onEpoch: async (point) => {
      const out = tf.tidy(() => {
        const preds = model.predict(tf.tensor(ds.x.test, [n, ...ds.inputShape])) as tf.Tensor[];
        return tf.concat(preds, 1);
      });
      const rows = (await out.data()) as Float32Array;
      out.dispose();
      const pred = new Float32Array(n * 4);
      const truth = new Float32Array(n * 4);
      const pc = new Int32Array(n);
      const tc = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const p = readBoxRow(rows.subarray(i * width, (i + 1) * width));
        const t = readBoxRow(ds.y.test.subarray(i * width, (i + 1) * width));
        pred.set(p.box, i * 4);
        truth.set(t.box, i * 4);
        pc[i] = p.cls;
        tc[i] = t.cls;
      }
      const r = boxReport(pred, truth, pc, tc);
      epochs.push({
        epoch: point.epoch,
        loss: round(point.loss),
        meanIoU: round(r.meanIoU),
        accAtIoU50: round(r.accAtIoU50),
        classAccuracy: round(r.classAccuracy),
      });
    },
  });
  await trainer.run();
  const out = {
    dataset: ds.name,
    images: ds.counts,
    loadMs: Math.round(loadMs),
    backend,
    template: template.title,
    samplesPerSecond: Math.round(trainer.samplesPerSecond),
    epochs,
  };
  trainer.dispose();
  model.dispose();
  console.log(JSON.stringify(out, null, 2));
}

// The WASM backend's threads would keep Node alive after the figures are printed.
void main().then(() => process.exit(0));
