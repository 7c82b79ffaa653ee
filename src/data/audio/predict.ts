import { applyNormaliser } from '../normalise';
import type { AudioOptions, DatasetConfig } from '../types';
import { DataError } from '../types';
import { clipFeatures, defaultAudioOptions, prepareClip } from './features';

/** The audio preprocessing a dataset was built with (fitted, else its source's, else the defaults at 8 kHz). */
export function audioOptionsOf(config: DatasetConfig): AudioOptions | null {
  const s = config.source;
  if (config.fitted.audio) return config.fitted.audio;
  if (s.kind === 'audio') return s.audio;
  if (s.kind === 'builtin' && s.id === 'digits-audio') return s.audio ?? defaultAudioOptions(8000);
  return null;
}

/**
 * New audio → the model's input, exactly as training prepared it: the same resampling, length, features and
 * normaliser. `clip` is what the model hears (mono, resampled, cut or padded), `features` its un-normalised
 * spectrogram (for a picture), `input` what goes to the model.
 */
export function prepareAudioInput(
  config: DatasetConfig,
  channels: Float32Array[],
  sampleRate: number,
): { clip: Float32Array; sampleRate: number; features: Float32Array; input: Float32Array } {
  const o = audioOptionsOf(config);
  if (!o)
    throw new DataError('This dataset is not audio: load an audio dataset to try recordings.', {
      code: 'notAudio',
    });
  if (!channels.length || channels[0].length === 0)
    throw new DataError('The recording is empty.', { code: 'emptyRecording' });
  const clip = prepareClip(channels, sampleRate, o);
  const features = clipFeatures(clip, o);
  const input = applyNormaliser(features.slice(), config.fitted.normaliser);
  return { clip, sampleRate: o.sampleRate, features, input };
}
