/** Id of the padding token (fills short sequences). */
export const PAD_ID = 0;
/** Id of the out-of-vocabulary token (words not in the vocabulary). */
export const OOV_ID = 1;
/** The two reserved entries at the start of every vocabulary. */
export const RESERVED_TOKENS = ['<pad>', '<unk>'];

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;

/** Lowercase word tokenisation: runs of letters and digits (with an inner apostrophe, as in "don't"). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * Builds a vocabulary of at most `size` entries (the two reserved ones included) from the most frequent
 * words; ties are broken alphabetically so the result does not depend on the order of the texts.
 */
export function buildVocabulary(texts: Iterable<string>, size: number): string[] {
  const counts = new Map<string, number>();
  for (const t of texts) for (const w of tokenize(t)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const words = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, Math.max(0, size - RESERVED_TOKENS.length))
    .map(([w]) => w);
  return [...RESERVED_TOKENS, ...words];
}

/** A word → id lookup for a vocabulary. */
export function vocabularyIndex(vocabulary: string[]): Map<string, number> {
  return new Map(vocabulary.map((w, i) => [w, i]));
}

/**
 * Encodes one text as exactly `length` token ids: unknown words become OOV_ID, long texts are cut at the end,
 * short ones are padded with PAD_ID at the end. Writes into `out` at `offset`.
 */
export function encodeText(
  text: string,
  index: Map<string, number>,
  length: number,
  out: Int32Array = new Int32Array(length),
  offset = 0,
): Int32Array {
  const words = tokenize(text);
  for (let i = 0; i < length; i++) {
    out[offset + i] = i < words.length ? (index.get(words[i]) ?? OOV_ID) : PAD_ID;
  }
  return out;
}

/** Turns token ids back into words (padding dropped), for previews. */
export function decodeTokens(ids: ArrayLike<number>, vocabulary: string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < ids.length; i++)
    if (ids[i] !== PAD_ID) words.push(vocabulary[ids[i]] ?? RESERVED_TOKENS[OOV_ID]);
  return words;
}
