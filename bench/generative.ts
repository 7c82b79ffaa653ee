// `npx tsx bench/generative.ts [--quick]`: the generative families in Node on the WASM backend. A small CNN
// trained on MNIST's labels judges the fixed-seed samples after every epoch: the share it labels with confidence
// ≥ 0.9 (a cheap "inception score"; the aims: VAE ≥ 60 %, DCGAN ≥ 50 %), next to the untrained
// network's share, plus training samples/s for each family and for the supervised CNN. Evidence, never pass/fail.
import * as tf from '@tensorflow/tfjs';
import { TEMPLATES } from '../src/graph';
import { closeYieldChannel } from '../src/train/engine/control';
import { buildModel } from '../src/train/engine/model';
import { Trainer } from '../src/train/engine/trainer';
import { nodeBackends } from '../src/train/testing/backends';
import { judgeShare, mnist, trainGenerative, trainJudge } from '../src/train/testing/judge';

const quick = process.argv.includes('--quick');
const pct = (v: number) => Math.round(v * 1000) / 10;

async function main() {
  if (!(await nodeBackends()).includes('wasm')) throw new Error('the WASM backend is needed');
  await tf.setBackend('wasm');
  const data = await mnist();
  const { judge, accuracy } = await trainJudge(data);
  const out: Record<string, unknown> = {
    backend: 'wasm',
    trainSamples: data.train.count,
    judge: {
      testAccuracyPct: pct(accuracy),
      confidence: 0.9,
      // The ceiling for comparison: the share of 64 real test digits the judge labels with confidence ≥ 0.9.
      realDigitsSharePct: pct(
        await judgeShare(judge, Float32Array.from(data.test.x.subarray(0, 64 * 28 * 28))),
      ),
    },
  };

  // The supervised reference: the Keras MNIST CNN, one epoch of the same engine loop.
  const cnn = TEMPLATES.find((t) => t.id === 'reference-cnn')!.build();
  const model = buildModel(cnn, 1);
  const cfg = {
    optimizer: 'adam',
    learningRate: 0.001,
    schedule: 'constant',
    loss: 'auto',
    batchSize: 64,
    epochs: 1,
    seed: 1,
    backend: 'wasm',
  } as const;
  const trainer = new Trainer(model, data, cfg);
  await trainer.run();
  out['supervised CNN'] = {
    samplesPerSecond: Math.round((data.train.count * 1000) / trainer.state.elapsedMs),
  };
  trainer.dispose();
  model.dispose();

  // Full: the dense families as long as their judge tests (about 1,250 and 1,400 steps of 64), the convolutional
  // ones 3 epochs (their steps cost ~10× a dense one on WASM). Quick: a glance, not a quality figure.
  const families: [string, number][] = quick
    ? [
        ['vae-mnist', 3],
        ['gan-mnist', 3],
      ]
    : [
        ['vae-mnist', 8],
        ['gan-mnist', 9],
        ['conv-vae', 3],
        ['dcgan-mnist', 3],
      ];
  for (const [id, epochs] of families) {
    const t0 = performance.now();
    const run = await trainGenerative(id, data, { epochs });
    const shares = [];
    for (const s of run.perEpoch) shares.push(pct(await judgeShare(judge, s)));
    out[TEMPLATES.find((t) => t.id === id)!.title] = {
      epochs,
      untrainedSharePct: pct(await judgeShare(judge, run.untrained)),
      sharePctPerEpoch: shares,
      samplesPerSecond: Math.round(run.samplesPerSecond),
      wallSeconds: Math.round((performance.now() - t0) / 1000),
    };
    console.error(`generative: ${id} ${shares.join(', ')}`);
  }
  judge.dispose();
  closeYieldChannel();
  console.log(JSON.stringify(out, null, 2));
}

void main();
