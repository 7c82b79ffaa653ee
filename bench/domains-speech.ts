// `npx tsx bench/domains-speech.ts [--quick]`: the speech domain end to end in Node on the WASM backend (CPU when
// WASM is missing): loading the built-in spoken digits (ADPCM decode + log-mel features of 3,000 clips), the
// feature extractor's clips/s, then the "Speech commands CNN" template trained with its recommended settings and
// the set's default augmentation (time / pitch shifts), reporting validation accuracy per epoch and the test
// accuracy on the held-out speaker. Prints one JSON object.
// Evidence, never pass/fail. --quick trains 3 epochs instead of the template's 8.
import { performance } from 'node:perf_hooks';
import * as tf from '@tensorflow/tfjs';
import { audioToFeatures, defaultAudioOptions } from '../src/data/audio/features';
import { SPEECH_AUGMENT } from '../src/data/audio/load';
import { decodeRecord, parseDigitsPack } from '../src/data/audio/pack';
import { buildDataset } from '../src/data/load';
import { DEFAULT_SPLIT } from '../src/data/split';
import type { DatasetConfig } from '../src/data/types';
import { TEMPLATES } from '../src/graph/templates';
import { predictSplit } from '../src/train/engine/evaluate';
import { nodeBackends } from '../src/train/testing/backends';
import { runSession, startMessage } from '../src/train/testing/session';
import { builtinIO, trainingData } from '../src/train/testing/template-run';
import type { TrainingConfig } from '../src/train/types';

const quick = process.argv.includes('--quick');
const log = (...a: unknown[]) => console.error('[bench:speech]', ...a);
const round = (v: number, d = 3) => Math.round(v * 10 ** d) / 10 ** d;

async function main() {
  const io = builtinIO();
  const config: DatasetConfig = {
    version: 1,
    source: { kind: 'builtin', id: 'digits-audio', seed: 1, samples: 0 },
    split: DEFAULT_SPLIT,
    augment: null,
    fitted: {},
  };
  let t = performance.now();
  const ds = await buildDataset(config, io);
  const loadMs = performance.now() - t;
  log(`loaded ${ds.counts.train}/${ds.counts.val}/${ds.counts.test} in ${Math.round(loadMs)} ms`);

  const pack = parseDigitsPack(await io.asset('digits-audio.bin'));
  const o = defaultAudioOptions(pack.sampleRate);
  const clips = pack.records.slice(0, 500).map((r) => decodeRecord(pack, r));
  t = performance.now();
  for (const c of clips) audioToFeatures([c], pack.sampleRate, o);
  const featureClipsPerSecond = clips.length / ((performance.now() - t) / 1000);

  const template = TEMPLATES.find((x) => x.id === 'speech-commands-cnn');
  if (!template?.recommended) throw new Error('the Speech commands CNN template is missing');
  const backend = (await nodeBackends()).includes('wasm') ? 'wasm' : 'cpu';
  const training: TrainingConfig = {
    optimizer: 'adam',
    learningRate: 0.001,
    schedule: 'constant',
    loss: 'auto',
    seed: 1,
    batchSize: 32,
    epochs: 8,
    ...template.recommended.settings,
    ...(quick ? { epochs: 3 } : {}),
    backend,
  };
  const data = { ...trainingData(ds), augment: SPEECH_AUGMENT };
  const { s, messages } = await runSession({
    ...startMessage(template.build(), data, training),
    checkpoints: false,
  });
  const failure = messages.find((m) => m.type === 'error');
  if (failure?.type === 'error') throw new Error(failure.message);
  const epochs = messages.flatMap((m) =>
    m.type === 'epoch'
      ? [
          {
            epoch: m.point.epoch,
            loss: round(m.point.loss),
            accuracy: round(m.point.accuracy ?? 0),
            valAccuracy: round(m.point.valAccuracy ?? 0),
            seconds: round(m.point.time / 1000, 1),
          },
        ]
      : [],
  );
  const probs = await predictSplit(s.model!, s.trainer!.feed!, data.test);
  let right = 0;
  for (let i = 0; i < data.test.count; i++) {
    const row = Array.from(probs.subarray(i * 10, i * 10 + 10));
    if (row.indexOf(Math.max(...row)) === data.test.y[i]) right++;
  }
  const seconds = s.trainer!.state.elapsedMs / 1000;
  s.disposeModel();
  await tf.setBackend('cpu');
  console.log(
    JSON.stringify(
      {
        dataset: ds.name,
        samples: ds.counts,
        inputShape: ds.inputShape,
        dataLoadMs: Math.round(loadMs),
        featureClipsPerSecond: Math.round(featureClipsPerSecond),
        backend,
        epochs,
        trainSamplesPerSecond: Math.round((epochs.length * ds.counts.train) / Math.max(seconds, 1e-3)),
        heldOutSpeakerAccuracy: round(right / data.test.count),
        quick,
      },
      null,
      2,
    ),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
