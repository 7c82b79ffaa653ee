import { describe, expect, it } from 'vitest';
import { trainTemplate } from '../testing/template-run';

// The speech domain end to end in Node: the built-in spoken digits (FSDD) as log-mel spectrograms, the "Speech
// commands CNN" template with the settings the studio recommends for it, the WASM backend, and the accuracy on
// the test speaker, whose voice is never in the training split. Bounded: 2,250 clips × the template's epochs.
describe('Speech commands CNN on the spoken digits', () => {
  it('recognises the digits of a speaker it never heard', async () => {
    const r = await trainTemplate('speech-commands-cnn');
    console.info(JSON.stringify(r));
    expect(r.dataset).toBe('Spoken digits');
    expect(r.trainSamples).toBe(2250);
    expect(r.testAccuracy).toBeGreaterThanOrEqual(HELD_OUT_FLOOR);
  }, 3_600_000);
});
