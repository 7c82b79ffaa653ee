/**
 * Ready-to-copy code that calls a published version exactly as shown: curl `:predict` with a real sample,
 * a `fetch` call, `tf.loadLayersModel` on the served model.json, and a V2 `infer` body. Pure string building.
 */
import { customLayerSource } from '../compile/custom-layers-code';
import type { PreprocessingMetadata } from './metadata';
import type { RawV2Tensor } from './raw';
import type { TensorInfo } from './types';

/** Everything the snippets need about one published version and one sample. */
export interface SnippetContext {
  /** Absolute URLs of the version. */
  urls: { predict: string; modelJson: string; v2Infer: string };
  token: string;
  input: TensorInfo;
  /** One sample as a nested array (the row format's instance), shape = input shape without the batch. */
  sample: unknown;
  sampleShape: number[];
  /** The same sample as raw input (original values, 0–255 pixels, words), when the endpoint can prepare it. */
  raw?: unknown;
  /** The raw sample as V2 inputs (one per table column, BYTES for text). */
  rawV2?: RawV2Tensor[] | null;
  metadata: PreprocessingMetadata | null;
  /** Where the sample came from, for the comment. */
  sampleSource: string;
  /** The model's layer class names: classes TF.js lacks (Subtract) are defined in the tfjs snippet. */
  layerClasses?: string[];
  /** One sample per model input, when the model has several (a recommender's user and item indices). */
  inputSamples?: Array<{ sample: unknown; dtype: 'float32' | 'int32' }>;
}

/** One snippet: a stable id, a title, an optional caption (e.g. the URL to POST to) and the code. */
export interface Snippet {
  id: 'curl' | 'fetch' | 'tfjs' | 'v2';
  title: string;
  caption?: string;
  code: string;
}

/** 9 significant digits round-trip any float32, and keep the JSON short. */
function roundFloat(x: number): number {
  return Number.isInteger(x) ? x : Number(x.toPrecision(9));
}

/** JSON of a nested array of numbers with float32-exact, short numbers. */
export function sampleJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' ? roundFloat(v) : v));
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const jsString = (s: string) => JSON.stringify(s);

function flatten(value: unknown): number[] {
  return Array.isArray(value) ? value.flatMap(flatten) : [Number(value)];
}

/** Comment lines describing the preprocessing, with `prefix` ("#" or "//"). */
function preprocessingLines(ctx: SnippetContext, prefix: string): string[] {
  const m = ctx.metadata;
  if (m && hasRaw(ctx)) return rawLines(ctx, m, prefix);
  const lines = [`${prefix} The sample is ${ctx.sampleSource}, already prepared as the model expects.`];
  if (!m) return lines;
  lines.push(`${prefix} Input: ${m.input.description}.`);
  if (m.classNames) lines.push(`${prefix} Output: one score per class: ${m.classNames.join(', ')}.`);
  if (m.normaliser) {
    lines.push(`${prefix} Normaliser (${m.normaliser.kind}): x' = (x - a[i]) / b[i] with`);
    lines.push(
      `${prefix}   a = ${sampleJson(m.normaliser.a)}`,
      `${prefix}   b = ${sampleJson(m.normaliser.b)}`,
    );
  }
  if (m.vocabulary)
    lines.push(
      `${prefix} Vocabulary: ${m.vocabulary.length} tokens in the model's userDefinedMetadata.vocabulary.`,
    );
  return lines;
}

const hasRaw = (ctx: SnippetContext) => ctx.raw !== undefined && ctx.raw !== null;

/** Comment lines for a raw sample: the endpoint applies the preprocessing published with the model. */
function rawLines(ctx: SnippetContext, m: PreprocessingMetadata, prefix: string): string[] {
  const what = m.ids
    ? 'the original user and item ids: the endpoint looks up their indices (send {"user": …} alone for the top 10 items)'
    : m.vocabulary
      ? "text: the endpoint splits it into words with the model's vocabulary"
      : m.image
        ? `${m.image.height}×${m.image.width} pixels from 0 to 255: the endpoint scales them (a PNG or JPEG file also works as {"b64": "<base64 of the file>"}, resized on the server)`
        : 'original values by column name: the endpoint scales them as training did';
  const lines = [`${prefix} The sample is ${ctx.sampleSource} as raw input, ${what}.`];
  if (m.classNames)
    lines.push(`${prefix} The answer names the top class ("top_class") of: ${m.classNames.join(', ')}.`);
  lines.push(`${prefix} To send values prepared by yourself instead, add "preprocess": "none" to the body.`);
  return lines;
}

/** The instance the REST snippets send: raw when the endpoint can prepare it, else the prepared tensor. */
const instance = (ctx: SnippetContext) => (hasRaw(ctx) ? ctx.raw : ctx.sample);

/** The lines of a `fetch` to `:predict` with `instances` (a JavaScript expression); throws the error sentence. */
function fetchCall(ctx: SnippetContext, instances: string): string[] {
  return [
    `const res = await fetch(${jsString(ctx.urls.predict)}, {`,
    `  method: 'POST',`,
    `  headers: { Authorization: ${jsString(`Bearer ${ctx.token}`)}, 'Content-Type': 'application/json' },`,
    `  body: JSON.stringify({ instances: ${instances} }),`,
    '});',
    'if (!res.ok) throw new Error((await res.json()).error);',
  ];
}

/** The audio file the speech snippets send; any WAV works (mono or stereo, any rate and length). */
export const AUDIO_FILE = 'recording.wav';

/** Comment lines for a speech model: the endpoint takes the recording and computes the studio's features. */
function audioLines(m: PreprocessingMetadata, prefix: string): string[] {
  const a = m.audio!;
  const lines = [
    `${prefix} Send the recording itself: ${AUDIO_FILE} (WAV, mono or stereo, any sample rate and length) as {"b64": …},`,
    `${prefix} or {"samples": [...], "sample_rate": Hz}. The endpoint resamples it to ${a.sampleRate} Hz, keeps the loudest ${a.durationMs} ms`,
    `${prefix} and computes the same ${a.feature === 'mfcc' ? 'MFCCs' : 'log-mel bands'} as the studio.`,
  ];
  if (m.classNames)
    lines.push(`${prefix} The answer names the top class ("top_class") of: ${m.classNames.join(', ')}.`);
  return lines;
}

function audioSnippets(ctx: SnippetContext, m: PreprocessingMetadata): Snippet[] {
  const curl = [
    ...audioLines(m, '#'),
    `printf '{"instances": [{"b64": "%s"}]}' "$(base64 < ${AUDIO_FILE} | tr -d '\\n')" | \\`,
    `  curl -sS -X POST ${shellQuote(ctx.urls.predict)} \\`,
    `  -H ${shellQuote(`Authorization: Bearer ${ctx.token}`)} \\`,
    `  -H 'Content-Type: application/json' \\`,
    '  --data-binary @-',
  ].join('\n');
  const fetchCode = [
    ...audioLines(m, '//'),
    "import { readFile } from 'node:fs/promises';",
    `const b64 = (await readFile(${jsString(AUDIO_FILE)})).toString('base64');`,
    ...fetchCall(ctx, '[{ b64 }]'),
    'const answer = await res.json();',
    m.classNames
      ? 'console.log(answer.top_class[0], answer.predictions[0]);'
      : 'console.log(answer.predictions[0]);',
  ].join('\n');
  const v2 = {
    inputs: [{ name: ctx.input.name, shape: [1], datatype: 'BYTES', data: [`<base64 of ${AUDIO_FILE}>`] }],
  };
  return [
    { id: 'curl', title: 'curl (TF Serving :predict)', code: curl },
    { id: 'fetch', title: 'JavaScript fetch (Node)', code: fetchCode },
    tfjsSnippet(ctx),
    {
      id: 'v2',
      title: 'Open Inference Protocol V2 infer body (KServe, Triton clients)',
      caption: `POST ${ctx.urls.v2Infer} with Authorization: Bearer <token>`,
      code: sampleJson(v2),
    },
  ];
}

function curlSnippet(ctx: SnippetContext): Snippet {
  const body = `{"instances": [${sampleJson(instance(ctx))}]}`;
  const code = [
    ...preprocessingLines(ctx, '#'),
    `curl -sS -X POST ${shellQuote(ctx.urls.predict)} \\`,
    `  -H ${shellQuote(`Authorization: Bearer ${ctx.token}`)} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuote(body)}`,
  ].join('\n');
  return { id: 'curl', title: 'curl (TF Serving :predict)', code };
}

function fetchSnippet(ctx: SnippetContext): Snippet {
  const classes = ctx.metadata?.classNames;
  const show =
    classes && hasRaw(ctx)
      ? ['console.log(answer.top_class[0], answer.predictions[0]);']
      : classes
        ? [
            `const classNames = ${JSON.stringify(classes)};`,
            'const scores = predictions[0];',
            'console.log(classNames[scores.indexOf(Math.max(...scores))], scores);',
          ]
        : ['console.log(predictions[0]);'];
  const code = [
    ...preprocessingLines(ctx, '//'),
    `const sample = ${sampleJson(instance(ctx))};`,
    ...fetchCall(ctx, '[sample]'),
    hasRaw(ctx) && classes ? 'const answer = await res.json();' : 'const { predictions } = await res.json();',
    ...show,
  ].join('\n');
  return { id: 'fetch', title: 'JavaScript fetch', code };
}

function tfjsSnippet(ctx: SnippetContext): Snippet {
  const code = [
    "import * as tf from '@tensorflow/tfjs';",
    '',
    ...customLayerSource(ctx.layerClasses ?? [], 'javascript'),
    `const model = await tf.loadLayersModel(${jsString(ctx.urls.modelJson)}, {`,
    `  requestInit: { headers: { Authorization: ${jsString(`Bearer ${ctx.token}`)} } },`,
    '});',
    '// Class names, normaliser statistics and vocabulary travel with the model:',
    'const preprocessing = model.getUserDefinedMetadata();',
    ...(ctx.inputSamples && ctx.inputSamples.length > 1
      ? [
          `const x = [${ctx.inputSamples.map((s) => `tf.tensor([${sampleJson(s.sample)}], undefined, '${s.dtype}')`).join(', ')}];`,
        ]
      : [`const x = tf.tensor([${sampleJson(ctx.sample)}]);`]),
    'const y = model.predict(x);',
    'console.log(await y.array(), preprocessing?.classNames);',
  ].join('\n');
  return { id: 'tfjs', title: 'TensorFlow.js (tf.loadLayersModel)', code };
}

function v2Snippet(ctx: SnippetContext): Snippet {
  const body = ctx.rawV2
    ? { inputs: ctx.rawV2 }
    : {
        inputs: [
          {
            name: ctx.input.name,
            shape: [1, ...ctx.sampleShape],
            datatype: ctx.input.datatype,
            data: flatten(ctx.sample),
          },
        ],
      };
  return {
    id: 'v2',
    title: 'Open Inference Protocol V2 infer body (KServe, Triton clients)',
    caption: `POST ${ctx.urls.v2Infer} with Authorization: Bearer <token>`,
    code: sampleJson(body),
  };
}

/** The four snippets for a published version. */
export function snippets(ctx: SnippetContext): Snippet[] {
  if (ctx.metadata?.audio) return audioSnippets(ctx, ctx.metadata);
  return [curlSnippet(ctx), fetchSnippet(ctx), tfjsSnippet(ctx), v2Snippet(ctx)];
}
