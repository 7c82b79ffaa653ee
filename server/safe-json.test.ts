import { describe, expect, it } from 'vitest';
import { JsonBodyError, parseJsonBody } from './safe-json.ts';

/** A small deterministic generator, so a failure can be reproduced. */
function generator(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('strict JSON reader', () => {
  it('reads every number exactly as JSON.parse does (random, float32, long, near-halfway decimals)', () => {
    const rnd = generator(7);
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
    const tokens: string[] = ['0', '-0', '-0.0e5', '1e400', '-1e-400', '123456789012345678901234', '5e-324'];
    for (let i = 0; i < 20_000; i++) {
      tokens.push(String(rnd() * 10 ** Math.floor(rnd() * 12 - 6)));
      tokens.push(String(Math.fround(rnd())));
      const sign = rnd() < 0.3 ? '-' : '';
      const int = rnd() < 0.3 ? '0' : `${1 + Math.floor(rnd() * 9)}${digits(Math.floor(rnd() * 10))}`;
      const frac = rnd() < 0.8 ? `.${digits(1 + Math.floor(rnd() * 21))}` : '';
      const exp = rnd() < 0.3 ? `e${rnd() < 0.5 ? '-' : '+'}${Math.floor(rnd() * 30)}` : '';
      tokens.push(`${sign}${int}${frac}${exp}`);
      // 17–19 digit prefixes of a value, and of it plus one unit in the last place: decimals next to a
      // rounding boundary, where a fast conversion is most likely to be off by one ulp.
      const x = rnd().toPrecision(19).replace('.', '');
      for (const len of [17, 18, 19]) {
        const head = x.slice(0, len);
        tokens.push(`0.${head}`, `0.${(BigInt(head) + 1n).toString().padStart(len, '0')}`);
      }
    }
    const text = `[${tokens.join(',')}]`;
    const ours = parseJsonBody(text, 2) as number[];
    const theirs = JSON.parse(text) as number[];
    const wrong = tokens.filter((_, i) => !Object.is(ours[i], theirs[i]));
    expect(wrong).toEqual([]);
  });

  it('returns the same values as JSON.parse for ordinary documents', () => {
    const doc = {
      instances: [{ a: [1, 2.5, -3e-7], b: 'x\u00e9\\"\n\t\u2028', c: [true, false, null, {}, []] }],
      'key with "quotes"': { nested: { deeper: [[[0.1]]] } },
      constructor: 1,
      '': '',
    };
    const text = JSON.stringify(doc, null, 2);
    expect(parseJsonBody(text, 16)).toEqual(JSON.parse(text));
    expect(parseJsonBody(' \r\n\t[ ] ', 4)).toEqual([]);
  });

  it('refuses duplicate and __proto__ keys (escaped too), deep nesting, and anything JSON.parse refuses', () => {
    const bad = [
      '{"a": 1, "a": 2}',
      '{"a": 1, "\\u0061": 2}',
      '{"__proto__": {"polluted": true}}',
      '{"\\u005f_proto__": {}}',
      '[[[[[1]]]]]',
      '',
      ' ',
      '[1,]',
      '{"a":1,}',
      '[1 2]',
      '{"a" 1}',
      '{a: 1}',
      '[NaN]',
      '[Infinity]',
      '[-Infinity]',
      '[01]',
      '[1.]',
      '[.5]',
      '[+1]',
      '[1e]',
      '[-]',
      '["\\x"]',
      '["tab\there"]',
      '["unterminated',
      '[tru]',
      '[1] [2]',
      '[1] x',
      "['single']",
      '[1, /* comment */ 2]',
    ];
    for (const text of bad) {
      expect(() => parseJsonBody(text, 4), text).toThrow(JsonBodyError);
    }
    expect(() => parseJsonBody(`${'['.repeat(10_000)}${']'.repeat(10_000)}`, 12)).toThrow(/nesting/);
    expect(parseJsonBody('[[[1]]]', 3)).toEqual([[[1]]]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
