// `npx tsx bench/domains-recommend.ts [--quick]`: the built-in ratings set and the "Matrix factorisation"
// template in Node (WASM backend where available, else CPU): data load time, training samples/s, and per epoch the held-out RMSE / MAE and
// HitRate@10 / NDCG@10 (all unseen items and 100 sampled) beside the popularity baseline. Prints one JSON object.
import * as tf from '@tensorflow/tfjs';
import { buildDataset } from '../src/data/load';
import { DEFAULT_SPLIT } from '../src/data/split';
import { TEMPLATES } from '../src/graph/templates';
import { buildModel } from '../src/train/engine/model';
import { nodeBackends } from '../src/train/testing/backends';
import { Trainer } from '../src/train/engine/trainer';
import type { TrainingConfig } from '../src/train/types';
import { evaluateRecommender } from '../src/ui/evaluation/recommend-eval';

const quick = process.argv.includes('--quick');
const round = (v: number, d = 4) => Math.round(v * 10 ** d) / 10 ** d;

async function main() {
  const backend = (await nodeBackends()).includes('wasm') ? 'wasm' : 'cpu';
  await tf.setBackend(backend);
  const samples = quick ? 4000 : 15_000;
  const t0 = performance.now();
  const source = { kind: 'builtin' as const, id: 'ratings' as const, seed: 1, samples };
  const io = { asset: async () => new Uint8Array(0), file: async () => new Blob([]) };
  const ds = await buildDataset({ version: 1, source, split: DEFAULT_SPLIT, augment: null, fitted: {} }, io);
  const loadMs = performance.now() - t0;
  const split = (k: 'train' | 'val' | 'test') => ({ x: ds.x[k], y: ds.y[k], count: ds.counts[k] });
  const data = { ...ds, augment: null, train: split('train'), val: split('val'), test: split('test') };
  const results: Record<string, unknown>[] = [];
  for (const id of ['matrix-factorisation', 'neural-recommender']) {
    const template = TEMPLATES.find((t) => t.id === id)!;
    const config: TrainingConfig = {
      optimizer: 'adam',
      learningRate: template.recommended?.settings.learningRate ?? 0.01,
      schedule: 'constant',
      loss: 'auto',
      batchSize: template.recommended?.settings.batchSize ?? 64,
      epochs: quick ? 2 : 8,
      seed: 1,
      backend,
    };
    const model = buildModel(template.build(), 1);
    const score = async (pairs: Int32Array, n: number) => {
      const out = tf.tidy(() =>
        (model.predict(tf.tensor(pairs, [n, 2], 'int32')) as tf.Tensor).reshape([-1]),
      );
      const v = (await out.data()) as Float32Array;
      out.dispose();
      return v;
    };
    const epochs: Record<string, number>[] = [];
    const trainer = new Trainer(model, data, config, {
      onEpoch: async (point) => {
        const r = await evaluateRecommender(ds, score);
        epochs.push({
          epoch: point.epoch,
          rmse: round(r.rmse),
          mae: round(r.mae),
          hitRate10: round(r.all.model.hitRate),
          ndcg10: round(r.all.model.ndcg),
          hitRate10Sampled100: round(r.sampled.model.hitRate),
          ndcg10Sampled100: round(r.sampled.model.ndcg),
          popularityHitRate10: round(r.all.popularity.hitRate),
          popularityNdcg10: round(r.all.popularity.ndcg),
          meanRatingRmse: round(r.baselineRmse),
        });
      },
    });
    await trainer.run();
    results.push({
      template: template.title,
      samplesPerSecond: Math.round(trainer.samplesPerSecond),
      epochs,
    });
    trainer.dispose();
    model.dispose();
  }
  const out = {
    dataset: ds.name,
    ratings: ds.counts,
    users: ds.domain?.kind === 'ratings' ? ds.domain.users : 0,
    items: ds.domain?.kind === 'ratings' ? ds.domain.items : 0,
    loadMs: Math.round(loadMs),
    backend,
    results,
  };
  console.log(JSON.stringify(out, null, 2));
}

// The WASM backend's threads would keep Node alive after the figures are printed.
void main().then(() => process.exit(0));
