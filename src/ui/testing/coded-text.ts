/**
 * Test helpers for sentences raised as a code and values outside the UI (`DataError`, `ObjectiveError`): which
 * codes the sources use that a catalog lacks, and whether each real error reads word for word in English and
 * fully in Chinese (with its numbers) through `codedSentence`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { i18n } from '../../i18n';
import { en } from '../../i18n/resources';
import { type CodedText, codedSentence } from '../coded-text';

/** Every non-test .ts file under a folder. */
export function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * `file: code` for each `code: '…'` in files that raise `errorClass` whose code catalog `ns` lacks, and for each
 * `new <errorClass>('a bare sentence')` (a sentence with no code bypasses the translation).
 */
export function uncatalogued(ns: 'dataErrors' | 'objectives', files: string[], errorClass: RegExp): string[] {
  const keys = new Set(Object.keys(en[ns]).map((k) => k.replace(/_(one|other)$/, '')));
  const missing: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (!errorClass.test(text)) continue;
    for (const m of text.matchAll(/\bcode:\s*([^,}\n]+)/g))
      for (const code of m[1].replace(/[!=]==\s*'\w+'/g, '').matchAll(/'(\w+)'/g))
        if (!keys.has(code[1])) missing.push(`${file}: ${code[1]}`);
    const bare = new RegExp(`new (?:${errorClass.source})\\(\\s*([\`'][^\`']*[\`'])\\s*\\)`, 'g');
    for (const m of text.matchAll(bare)) missing.push(`${file}: ${m[1]}`);
  }
  return missing;
}

/** What is wrong with each named error's sentences: English not the source's, English left in Chinese, numbers lost. */
export async function sentenceProblems(
  ns: string,
  errors: [string, { message: string; detail: CodedText }][],
): Promise<string[]> {
  await i18n.loadLanguages('zh-CN'); // fetched on first use, as in the browser
  const wrong: string[] = [];
  for (const [name, e] of errors) {
    const english = codedSentence(ns, e.detail, 'en');
    const chinese = codedSentence(ns, e.detail, 'zh-CN');
    if (english !== e.message) wrong.push(`${name}: "${english}" ≠ "${e.message}"`);
    if (/\b[a-z]{3,} [a-z]{3,} [a-z]{3,}\b/.test(chinese))
      wrong.push(`${name}: English left in "${chinese}"`);
    for (const n of e.message.match(/\d+/g) ?? [])
      if (!chinese.includes(n)) wrong.push(`${name}: ${n} missing in "${chinese}"`);
  }
  return wrong;
}
