/**
 * A strict JSON reader for request bodies. `JSON.parse` already refuses `NaN`/`Infinity` tokens; this adds
 * what it lets through: duplicate keys (which silently keep the last value), `__proto__` keys, and nesting
 * deeper than a limit (checked with an explicit stack, so a 10,000-deep body cannot overflow ours).
 */
export class JsonBodyError extends Error {}

const FORBIDDEN_KEYS = new Set(['__proto__']);

interface Frame {
  keys: Set<string> | null;
  expectKey: boolean;
}

/** Returns the index just past the closing quote of the string that starts at `start`. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i += 2;
    else if (c === 0x22) return i + 1;
    else i++;
  }
  throw new JsonBodyError('invalid JSON: unterminated string');
}

function checkKey(frame: Frame, raw: string): void {
  let key: unknown;
  try {
    key = JSON.parse(raw);
  } catch {
    throw new JsonBodyError('invalid JSON: bad string');
  }
  const name = String(key);
  if (FORBIDDEN_KEYS.has(name)) throw new JsonBodyError(`invalid JSON: key "${name}" is not allowed`);
  if (frame.keys?.has(name)) throw new JsonBodyError(`invalid JSON: duplicate key "${name}"`);
  frame.keys?.add(name);
  frame.expectKey = false;
}

/** Scans the structure of `text` for duplicate or forbidden keys and excessive depth; throws JsonBodyError. */
export function scanJson(text: string, maxDepth: number): void {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = endOfString(text, i);
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) checkKey(top, text.slice(i, end));
      i = end;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      if (stack.length >= maxDepth) throw new JsonBodyError(`JSON nesting deeper than ${maxDepth} levels`);
      stack.push({ keys: c === 0x7b ? new Set() : null, expectKey: c === 0x7b });
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
    } else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
    }
    i++;
  }
}

/** Parses a request body: structural scan first, then `JSON.parse`; any problem is a JsonBodyError. */
export function parseJsonBody(text: string, maxDepth: number): unknown {
  scanJson(text, maxDepth);
  try {
    return JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message.replace(/\n.*/s, '') : 'parse error';
    throw new JsonBodyError(`invalid JSON: ${detail}`);
  }
}
