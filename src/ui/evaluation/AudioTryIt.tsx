import { type DragEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetConfig, SampleView } from '../../data';
import {
  AudioFormatError,
  audioOptionsOf,
  encodeWav16,
  featureShape,
  isWav,
  parseWav,
  prepareAudioInput,
  spectrogramImage,
} from '../../data';
import { i18n } from '../../i18n';
import { errorText } from '../data/data-error-text';
import { SpectrogramCanvas } from '../data/SpectrogramCanvas';

import { outputProbabilities } from './digit';
import { ProbabilityBars } from './ProbabilityBars';
import { useRecorder } from './useRecorder';

interface Props {
  config: DatasetConfig;
  classNames?: string[];
  /** Runs the model on one input; `shape` includes the batch dimension of 1. */
  predict: (x: Float32Array, shape: number[]) => Promise<Float32Array>;
}

interface Heard {
  picture: Extract<SampleView, { kind: 'image' }>;
  url: string;
  seconds: number;
  rate: number;
  probabilities: number[];
}

/** Decodes a dropped or recorded file: WAV by the studio's own reader, anything else by the browser. */
async function decodeAny(bytes: ArrayBuffer): Promise<{ channels: Float32Array[]; sampleRate: number }> {
  const b = new Uint8Array(bytes);
  if (b.length === 0) throw new AudioFormatError('it is empty.');
  if (isWav(b)) return parseWav(b);
  const ctx = new OfflineAudioContext(1, 1, 48000);
  const buffer = await ctx.decodeAudioData(bytes.slice(0));
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c));
  return { channels, sampleRate: buffer.sampleRate };
}

/** Try-it for audio models: record a word or drop a file, see its spectrogram and the class probabilities. */
export function AudioTryIt({ config, classNames, predict }: Props) {
  const { t } = useTranslation('audio');
  const [heard, setHeard] = useState<Heard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const options = audioOptionsOf(config);
  const recorder = useRecorder(((options?.durationMs ?? 1000) + 500) / 1000, (bytes) => void run(bytes));
  useEffect(
    () => () => {
      if (heard) URL.revokeObjectURL(heard.url);
    },
    [heard],
  );

  async function run(bytes: ArrayBuffer) {
    try {
      const audio = await decodeAny(bytes).catch((e: unknown) => {
        throw new Error(t('decodeFailed', { reason: e instanceof Error ? e.message : String(e) }));
      });
      const prepared = prepareAudioInput(config, audio.channels, audio.sampleRate);
      const shape = featureShape(audioOptionsOf(config)!);
      const out = await predict(prepared.input, [1, ...shape]);
      const url = URL.createObjectURL(
        new Blob([encodeWav16([prepared.clip], prepared.sampleRate) as BlobPart], { type: 'audio/wav' }),
      );
      setHeard({
        picture: { kind: 'image', ...spectrogramImage(prepared.features, shape[0], shape[1]) },
        url,
        seconds: audio.channels[0].length / audio.sampleRate,
        rate: audio.sampleRate,
        probabilities: outputProbabilities(out, classNames),
      });
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    const f = e.dataTransfer.files[0];
    if (f) await run(await f.arrayBuffer());
  };
  return (
    <section
      className="tryit"
      aria-label={i18n.t('evaluate:tryIt')}
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
    >
      <div className="tryit__buttons">
        <button type="button" onClick={recorder.recording ? recorder.stop : recorder.start}>
          {recorder.recording ? t('stopRecording') : t('record')}
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          {t('chooseFile')}
        </button>
        <input
          ref={fileRef}
          type="file"
          hidden
          aria-label={t('audioFile')}
          accept="audio/*,.wav,.mp3,.ogg,.flac"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) await run(await f.arrayBuffer());
          }}
        />
      </div>
      <p className="muted small">{recorder.recording ? t('recording') : t('hint')}</p>
      {(recorder.error || error) && (
        <p role="alert" className="tryit__error">
          {recorder.error ? t('micFailed', { reason: recorder.error }) : error}
        </p>
      )}
      {heard && (
        <div className="tryit__seen">
          <SpectrogramCanvas view={heard.picture} width={183} height={120} label={t('inputSpectrogram')} />
          <span className="small">{t('heard', { seconds: heard.seconds.toFixed(2), rate: heard.rate })}</span>
          {/* biome-ignore lint/a11y/useMediaCaption: a spoken word the person just recorded has no captions */}
          <audio controls src={heard.url} aria-label={t('listen')} />
        </div>
      )}
      {heard && (
        <ProbabilityBars
          probabilities={heard.probabilities}
          names={heard.probabilities.map((_, c) => classNames?.[c] ?? String(c))}
        />
      )}
    </section>
  );
}
