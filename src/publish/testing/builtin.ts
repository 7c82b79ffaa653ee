/** Test support: a built-in dataset loaded in Node with the studio's own pipeline (the spoken digits from data/). */
import { readFileSync } from 'node:fs';
import { buildDataset } from '../../data/load';
import { DEFAULT_SPLIT } from '../../data/split';
import type { BuiltinId, LoadedDataset } from '../../data/types';

/** The packed spoken digits (FSDD), the only built-in asset these tests read. */
export const DIGITS_PACK = new Uint8Array(readFileSync('data/fsdd/digits-audio.bin'));

const io = {
  asset: async () => DIGITS_PACK,
  file: async (): Promise<Blob> => {
    throw new Error('no uploads here');
  },
};

/** Builds built-in dataset `id` (seed 1, `samples` where the set takes a count) with the default split. */
export function loadBuiltin(id: BuiltinId, samples: number): Promise<LoadedDataset> {
  return buildDataset(
    {
      version: 1,
      source: { kind: 'builtin', id, seed: 1, samples },
      split: DEFAULT_SPLIT,
      augment: null,
      fitted: {},
    },
    io,
  );
}
