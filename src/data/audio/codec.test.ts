import { describe, expect, it } from 'vitest';
import { codecOf, decodeAudioFile, loadAudioArchive } from './load';
import { defaultAudioOptions } from './features';
import { encodeWav16 } from './wav';

const text = (s: string) => new TextEncoder().encode(s);

describe('compressed audio where no decoder exists (the data worker)', () => {
  it('names the codec from the first bytes', () => {
    expect(codecOf(text('ID3\u0003\u0000rest'))).toBe('MP3');
    expect(codecOf(Uint8Array.from([0xff, 0xfb, 0x90, 0x00]))).toBe('MP3');
    expect(codecOf(text('OggS\u0000\u0002'))).toBe('OGG');
    expect(codecOf(text('fLaC\u0000\u0000\u0000\u0022'))).toBe('FLAC');
    expect(codecOf(text('\u0000\u0000\u0000\u0020ftypM4A '))).toBe('AAC/M4A');
    expect(codecOf(Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x01]))).toBe('WebM');
    expect(codecOf(text('hello world'))).toBeNull();
  });

  it('says which codec could not be decoded, and what to do', async () => {
    await expect(decodeAudioFile(text('fLaC\u0000\u0000'), 'a.flac')).rejects.toThrow(
      'this browser could not decode its FLAC audio; convert it to WAV (16-bit PCM).',
    );
    await expect(decodeAudioFile(text('not audio at all'), 'a.mp3')).rejects.toThrow(
      'it is not a WAV, MP3, OGG or FLAC file this browser can decode',
    );
  });

  it('skips an undecodable file of a zip by name and keeps the WAV recordings', async () => {
    const tone = (f: number) =>
      encodeWav16(
        [Float32Array.from({ length: 4000 }, (_, i) => Math.sin((2 * Math.PI * f * i) / 8000))],
        8000,
      );
    const files = {
      'yes/1.wav': tone(440),
      'yes/2.ogg': text('OggS but cut short'),
      'no/1.wav': tone(880),
    };
    const a = await loadAudioArchive(files, defaultAudioOptions(8000), 'words.zip');
    expect(a.y.length).toBe(2);
    expect(a.warnings?.[0]).toBe(
      '1 file was skipped: yes/2.ogg (this browser could not decode its OGG audio; convert it to WAV (16-bit PCM).)',
    );
  });
});
