import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeNpy } from '../../data/npy';
import type { LoadedDataset } from '../../data/types';
import { type Graph, TEMPLATES } from '../../graph';
import { loadBuiltinDataset } from '../../train/testing/template-run';
import type { TrainingConfig } from '../../train/types';
import { compileGraph } from '../compile';
import { exportModelFiles } from '../export-files';
import { planModel } from '../plan';
import { checkPython } from '../testing/python';
import { type TrainingBundleInput, trainingBundleFiles, trainingBundleZip } from './bundle';
import { TrainingExportError } from './settings';

const CONFIG: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.01,
  schedule: 'step',
  decayRate: 0.5,
  decaySteps: 20,
  loss: 'auto',
  batchSize: 16,
  epochs: 100,
  seed: 7,
  backend: 'auto',
  earlyStopping: { monitor: 'valLoss', patience: 5, restoreBest: true },
};

let dir: string;
beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = mkdtempSync(join(tmpdir(), 'keras-bundle-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const template = (id: string) => TEMPLATES.find((t) => t.id === id)!.build();
const load = loadBuiltinDataset;

async function input(
  graph: Graph,
  dataset: LoadedDataset | null,
  training = CONFIG,
): Promise<TrainingBundleInput> {
  const model = compileGraph(graph, { name: 'project' });
  const files = await exportModelFiles(model, 'project');
  model.dispose();
  return {
    graph,
    modelName: 'project',
    training,
    dataset,
    tfjs: { modelTopology: files.modelTopology, weightSpecs: files.weightSpecs },
  };
}

/** Writes the bundle to a folder of its own and returns the folder. */
function writeBundle(files: Record<string, Uint8Array>, name: string): string {
  const root = join(dir, name);
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), bytes);
  }
  return root;
}

const python = (code: string, ...args: string[]) =>
  execFileSync('python3', ['-c', code, ...args], { encoding: 'utf8' });

/** train.py's SETTINGS dict and its build_model() body as a module, read with Python's own ast. */
function readScript(file: string): { settings: Record<string, unknown>; model: string } {
  const out = python(
    [
      'import ast, json, sys',
      'tree = ast.parse(open(sys.argv[1]).read())',
      "settings = next(s for s in tree.body if isinstance(s, ast.Assign) and s.targets[0].id == 'SETTINGS')",
      "fn = next(s for s in tree.body if isinstance(s, ast.FunctionDef) and s.name == 'build_model')",
      'body = [s for s in fn.body[1:] if not isinstance(s, ast.Return)]',
      "print(json.dumps({'settings': ast.literal_eval(settings.value), 'model': ast.unparse(ast.Module(body, []))}))",
    ].join('\n'),
    file,
  );
  return JSON.parse(out);
}

/** `python3 train.py --check`: the data as the script reads it (shapes, dtypes, sums), with NumPy. */
function checkRun(root: string): Record<string, Record<string, unknown>> {
  return JSON.parse(execFileSync('python3', [join(root, 'train.py'), '--check'], { encoding: 'utf8' }));
}

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

describe('Keras training script bundle', () => {
  it('writes Iris as CSV with raw values, and train.py applies the studio scaling to get the same arrays', async () => {
    const ds = await load('iris');
    const graph = template('tabular-mlp');
    const files = trainingBundleFiles(await input(graph, ds));
    expect(Object.keys(files).sort()).toEqual(
      [
        'README.txt',
        'data/test.csv',
        'data/train.csv',
        'data/val.csv',
        'preprocessing.json',
        'requirements.txt',
        'tfjs_template.json',
        'train.py',
      ].sort(),
    );
    const rows = Papa.parse<Record<string, string>>(new TextDecoder().decode(files['data/train.csv']), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(ds.counts.train);
    expect(Object.keys(rows[0])).toEqual([
      'sepal length',
      'sepal width',
      'petal length',
      'petal width',
      'class',
      'class_name',
    ]);
    // Raw values come back (Iris is measured in tenths of a centimetre), and the normaliser maps them onto ds.x.
    expect(rows.every((r) => /^\d+(\.\d)?$/.test(r['sepal length']))).toBe(true);
    const stats = ds.config.fitted.normaliser!;
    rows.forEach((r, i) => {
      const raw = [r['sepal length'], r['sepal width'], r['petal length'], r['petal width']].map(Number);
      raw.forEach((v, f) => {
        expect((v - stats.a[f]) / stats.b[f]).toBeCloseTo(ds.x.train[i * 4 + f], 5);
      });
      expect(Number(r.class)).toBe(ds.y.train[i]);
      expect(r.class_name).toBe(ds.classNames![ds.y.train[i]]);
    });

    const root = writeBundle(files, 'iris');
    execFileSync('python3', ['-m', 'py_compile', join(root, 'train.py')]);
    const { settings, model } = readScript(join(root, 'train.py'));
    expect(settings).toMatchObject({
      optimizer: 'adam',
      learning_rate: 0.01,
      schedule: 'step',
      decay_rate: 0.5,
      decay_steps: 20,
      loss: 'sparse_categorical_crossentropy',
      from_logits: false,
      batch_size: 16,
      epochs: 100,
      seed: 7,
      early_stopping: { monitor: 'val_loss', patience: 5, restore_best_weights: true },
      data_format: 'csv',
    });
    // The model code is today's Keras export: same layers, in order.
    const plan = planModel(graph);
    const parsed = checkPython(`import keras\nfrom keras import layers\n${model}\n`);
    expect(parsed.layers.map((l) => l.className)).toEqual(
      plan.layers.map((l) => (l.isInput ? 'Input' : l.className)),
    );
    const report = checkRun(root);
    expect(report.train).toMatchObject({
      x_shape: [ds.counts.train, 4],
      x_dtype: 'float32',
      y_dtype: 'int32',
    });
    expect(report.train.x_sum as number).toBeCloseTo(sum(ds.x.train), 3);
    expect(report.test.y_sum).toBe(sum(ds.y.test));
    // Every TF.js weight belongs to a layer train.py can find by name.
    const names = new Set(plan.layers.map((l) => l.node.name));
    const tfjs = JSON.parse(new TextDecoder().decode(files['tfjs_template.json']));
    for (const spec of tfjs.weightSpecs) expect(names.has(spec.name.split('/')[0])).toBe(true);
  }, 60_000);

  it('writes images as uint8 .npy that read back equal, and a zip with README.txt', async () => {
    const ds = await load('mnist', 1000);
    const zip = trainingBundleZip(await input(template('reference-cnn'), ds));
    const entries = unzipSync(zip);
    const files = Object.fromEntries(
      Object.entries(entries).map(([path, bytes]) => [path.replace(/^project-keras\//, ''), bytes]),
    );
    expect(new TextDecoder().decode(files['README.txt'])).toContain('python train.py --strategy mirrored');
    const x = decodeNpy(files['data/x_train.npy']);
    expect(x.shape).toEqual([ds.counts.train, 28, 28, 1]);
    expect(x.data).toBeInstanceOf(Uint8Array);
    let differ = 0;
    for (let i = 0; i < x.data.length; i++) if (Math.fround(x.data[i] / 255) !== ds.x.train[i]) differ++;
    expect(x.data.length).toBe(ds.x.train.length);
    expect(differ).toBe(0);
    const y = decodeNpy(files['data/y_val.npy']);
    expect(y.shape).toEqual([ds.counts.val]);
    expect(Array.from(y.data)).toEqual(Array.from(ds.y.val));
    const root = writeBundle(files, 'mnist');
    const report = checkRun(root);
    expect(report.train).toMatchObject({ x_shape: [ds.counts.train, 28, 28, 1], x_dtype: 'float32' });
    expect(report.train.x_sum as number).toBeCloseTo(sum(ds.x.train), 0);
    expect(report.test.y_sum).toBe(sum(ds.y.test));
  }, 90_000);

  it('writes text as int32 token ids with the vocabulary in preprocessing.json', async () => {
    const ds = await load('spam');
    const files = trainingBundleFiles(await input(template('lstm-text'), ds));
    const x = decodeNpy(files['data/x_test.npy']);
    expect(x.shape).toEqual([ds.counts.test, 100]);
    expect(x.data).toEqual(ds.x.test);
    const pre = JSON.parse(new TextDecoder().decode(files['preprocessing.json']));
    expect(pre.vocabulary.slice(0, 2)).toEqual(['<pad>', '<unk>']);
    expect(pre.sequenceLength).toBe(100);
    const root = writeBundle(files, 'spam');
    // The script's encode_text tokenises new text the way the studio does.
    const ids = python(
      [
        'import json, sys',
        "g = {'__file__': sys.argv[1], '__name__': 'bundle'}",
        'exec(open(sys.argv[1]).read(), g)',
        'print(json.dumps(g["encode_text"]("Win a FREE prize, don\'t wait", 8).tolist()))',
      ].join('\n'),
      join(root, 'train.py'),
    );
    const index = new Map<string, number>(pre.vocabulary.map((w: string, i: number) => [w, i]));
    const expected = ['win', 'a', 'free', 'prize', "don't", 'wait'].map((w) => index.get(w) ?? 1);
    expect(JSON.parse(ids.trim())).toEqual([...expected, 0, 0]);
  }, 60_000);

  it('says why a project cannot be exported instead of writing a script that trains something else', async () => {
    const iris = await load('iris');
    const gan = { ...CONFIG, objective: 'gan' as const };
    const problem = async (graph: Graph, ds: LoadedDataset | null, training = CONFIG) => {
      try {
        trainingBundleFiles(await input(graph, ds, training));
      } catch (e) {
        if (e instanceof TrainingExportError) return e.problem;
        throw e;
      }
      return null;
    };
    expect(await problem(template('tabular-mlp'), null)).toEqual({ code: 'noDataset' });
    expect(await problem(template('tabular-mlp'), iris, gan)).toEqual({
      code: 'objective',
      objective: 'gan',
    });
    expect(await problem(template('reference-cnn'), iris)).toEqual({
      code: 'shape',
      model: '(None, 28, 28, 1)',
      data: '(None, 4)',
    });
    expect(await problem(template('two-input'), iris)).toMatchObject({ code: 'inputsOutputs', inputs: 2 });
  }, 60_000);
});
