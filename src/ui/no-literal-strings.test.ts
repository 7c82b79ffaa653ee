/**
 * Fails when a component renders a literal English string instead of going through the message catalogs.
 * Every `src/ui/**\/*.tsx` is parsed (oxc, through Vite's bundler rolldown: TypeScript 7 ships no JS compiler
 * API) and these are reported when they contain a letter:
 * - JSX text (`<p>Train</p>`),
 * - string literals and template text rendered as a child (`{busy ? 'Stop' : 'Start'}`),
 * - string literals in attributes a person reads or hears (`aria-label`, `title`, `placeholder`, `alt`, `label`).
 * Keys passed to `t()` are call arguments and are never looked at. Layer type names (Keras' names, never
 * translated), symbols and units are allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';
import { ALL_LAYERS } from '../graph';

const UI = new URL('.', import.meta.url).pathname;
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/** Text that is the same in every language: layer types, units, symbols, metric abbreviations, code. */
const ALLOWED = new Set<string>([
  ...ALL_LAYERS.map((s) => s.type),
  'None',
  'px',
  'ms',
  'x',
  'h',
  'w',
  'R²',
  'AUC',
  'ROC',
  'MAE',
  'MSE',
  'RMSE',
  'F1',
  'CSV',
  'PNG',
  'SVG',
  'JSON',
  'URL',
  'curl',
  'fetch',
  'webgpu',
  'webgl',
  'wasm',
  'cpu',
  'stable',
  'canary',
  'v',
  'Ctrl+Z',
  'Ctrl+Shift+Z',
]);

type Node = { type: string; start: number; [key: string]: unknown };

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsxFiles(path);
    return e.name.endsWith('.tsx') ? [path] : [];
  });
}

const hasWords = (s: string) => /\p{L}/u.test(s) && !ALLOWED.has(s.trim());

/** String pieces an expression renders directly (not through a call such as `t('key')`). */
function renderedStrings(node: Node | null | undefined, out: Node[]): void {
  if (!node) return;
  switch (node.type) {
    case 'Literal':
      if (typeof node.value === 'string') out.push(node);
      break;
    case 'TemplateLiteral':
      for (const q of node.quasis as Node[])
        out.push({ ...q, value: (q.value as { cooked: string }).cooked });
      break;
    case 'ConditionalExpression':
      renderedStrings(node.consequent as Node, out);
      renderedStrings(node.alternate as Node, out);
      break;
    case 'LogicalExpression':
      if (node.operator !== '&&') renderedStrings(node.left as Node, out);
      renderedStrings(node.right as Node, out);
      break;
    case 'BinaryExpression':
      if (node.operator === '+') {
        renderedStrings(node.left as Node, out);
        renderedStrings(node.right as Node, out);
      }
      break;
    case 'ParenthesizedExpression':
    case 'TSAsExpression':
      renderedStrings(node.expression as Node, out);
      break;
  }
}

/** Every literal a person would read in one file, as `file:line "text"`. */
function literalsIn(file: string, source = readFileSync(file, 'utf8')): string[] {
  const ast = parseAst(source, { lang: 'tsx' }) as unknown as Node;
  const found: { node: Node; text: string }[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    const n = node as Node;
    if (n.type === 'JSXText' && hasWords(String(n.value))) found.push({ node: n, text: String(n.value) });
    if (n.type === 'JSXExpressionContainer' && n.parentIsChild) {
      const strings: Node[] = [];
      renderedStrings(n.expression as Node, strings);
      for (const s of strings) if (hasWords(String(s.value))) found.push({ node: s, text: String(s.value) });
    }
    if (n.type === 'JSXAttribute') {
      const name = (n.name as { name?: string }).name ?? '';
      if (READ_ATTRIBUTES.has(name)) {
        const value = n.value as Node | null;
        const strings: Node[] = [];
        renderedStrings(
          value?.type === 'JSXExpressionContainer' ? (value.expression as Node) : value,
          strings,
        );
        for (const s of strings)
          if (hasWords(String(s.value))) found.push({ node: s, text: String(s.value) });
      }
      return;
    }
    if (n.type === 'JSXElement' || n.type === 'JSXFragment') {
      for (const c of n.children as Node[]) if (c.type === 'JSXExpressionContainer') c.parentIsChild = true;
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'parentIsChild') visit(value);
  };
  visit(ast);
  const line = (offset: number) => source.slice(0, offset).split('\n').length;
  return found.map((f) => `${relative(UI, file)}:${line(f.node.start)} ${JSON.stringify(f.text.trim())}`);
}

describe('components render no literal strings', () => {
  it('reports JSX text, rendered literals and read attributes, but not t() keys or layer types', () => {
    const probe = `export const A = () => (
  <p title="Hint" className="big" aria-label={t('x')}>
    Train {busy ? 'Stop' : t('start')} <b>Conv2D</b> · {\`\${n} epochs\`}
  </p>
);`;
    expect(literalsIn(join(UI, 'probe.tsx'), probe)).toEqual([
      'probe.tsx:2 "Hint"',
      'probe.tsx:2 "Train"',
      'probe.tsx:3 "Stop"',
      'probe.tsx:3 "epochs"',
    ]);
  });

  it('every user-visible text in src/ui goes through t()', () => {
    const literals = tsxFiles(UI).flatMap((f) => literalsIn(f));
    expect(literals).toEqual([]);
  });
});
