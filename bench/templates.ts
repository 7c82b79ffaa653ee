// Default-settings accuracy of every template on its recommended built-in dataset, trained in Node on WASM
// exactly as the studio would train it after "Open template" with its dataset (recommended + suggested
// settings). Prints JSON; also writes bench/results/templates.json. --quick trains the large sets for 1 epoch.
//   npx tsx bench/templates.ts [--quick] [template-id …]
import { mkdirSync, writeFileSync } from 'node:fs';
import { trainTemplate } from '../src/train/testing/template-run';

const FIRST_RUN = ['tabular-mlp', 'spiral-mlp', 'two-input', 'lstm-text', 'reference-cnn', 'residual-block'];
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const ids = args.filter((a) => !a.startsWith('--'));

const results = [];
for (const id of ids.length ? ids : FIRST_RUN) {
  const big = id === 'lstm-text' || id === 'reference-cnn' || id === 'residual-block';
  console.error(`templates: ${id} …`);
  const started = performance.now();
  try {
    const r = await trainTemplate(id, quick && big ? { epochs: 1 } : {});
    results.push({ id, ...r, wallSeconds: Math.round((performance.now() - started) / 100) / 10 });
  } catch (e) {
    results.push({ id, error: e instanceof Error ? e.message : String(e) });
  }
}
const out = {
  date: new Date().toISOString(),
  quick,
  cores: (await import('node:os')).cpus().length,
  results,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/templates.json', `${JSON.stringify(out, null, 2)}\n`);
console.log(JSON.stringify(out, null, 2));
process.exit(0);
