// `npm run bench`: runs every benchmark script and prints one JSON document with all figures (also saved to
// bench/results/latest.json). Benchmarks are evidence, never pass/fail. Pass --quick for shorter runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';

const BENCHES = [
  'graph-edit',
  'charts',
  'data',
  'data-full',
  'training',
  'wasm-threads',
  'wasm-profile',
  'server',
  'domains-speech',
  'domains-recommend',
  'domains-localise',
  'agents',
  'generative',
  'templates',
];
const quick = process.argv.includes('--quick');
const out: Record<string, unknown> = { date: new Date().toISOString(), quick };

for (const name of BENCHES) {
  const file = `bench/${name}.ts`;
  if (!existsSync(file)) continue;
  console.error(`bench: ${name} …`);
  const r = spawnSync('npx', ['tsx', file, ...(quick ? ['--quick'] : [])], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  try {
    out[name] = JSON.parse(r.stdout);
  } catch {
    out[name] = { error: `exit ${r.status}; output was not JSON`, output: r.stdout.slice(-2000) };
  }
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', `${JSON.stringify(out, null, 2)}\n`);
console.log(JSON.stringify(out, null, 2));
