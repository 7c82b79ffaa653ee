// Default-settings accuracy of every template on its recommended built-in dataset, trained in Node on WASM
// exactly as the studio would train it after "Open template" with its dataset (recommended + suggested
// settings). Prints JSON; also writes bench/results/templates.json. --quick trains the MNIST templates 1 epoch.
//   npx tsx bench/templates.ts [--quick] [template-id …]
import { mkdirSync, writeFileSync } from 'node:fs';
import { trainTemplate } from '../src/train/testing/template-run';

const FIRST_RUN = ['tabular-mlp', 'spiral-mlp', 'two-input', 'lstm-text', 'reference-cnn', 'residual-block'];
/** The test-accuracy bar each template's default run is held to (src/train/testing/template-run.test.ts). */
const BARS: Record<string, number> = {
  'tabular-mlp': 0.9,
  'spiral-mlp': 0.95,
  'two-input': 0.9,
  'lstm-text': 0.9,
  'reference-cnn': 0.97,
};
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const ids = args.filter((a) => !a.startsWith('--'));

const results = [];
for (const id of ids.length ? ids : FIRST_RUN) {
  // The MNIST templates train one epoch of the 55,000 digits in --quick (as the test does); the rest in full.
  const big = id === 'reference-cnn' || id === 'residual-block';
  const cpu = process.cpuUsage();
  console.error(`templates: ${id} …`);
  const started = performance.now();
  try {
    const r = await trainTemplate(id, quick && big ? { epochs: 1 } : {});
    const bar = BARS[id];
    const meetsBar = bar === undefined ? undefined : r.testAccuracy >= bar;
    // CPU time (user + system) of this process: the run's cost, less sensitive than wall time to a busy machine.
    const used = process.cpuUsage(cpu);
    const cpuSeconds = Math.round((used.user + used.system) / 1e5) / 10;
    const wallSeconds = Math.round((performance.now() - started) / 100) / 10;
    results.push({ id, ...r, bar, meetsBar, wallSeconds, cpuSeconds });
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
