import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Inside the project so that Node resolves '@tensorflow/tfjs' from its node_modules.
const CACHE = resolve('node_modules/.cache');

/** Runs generated TF.js modules in a fresh Node process; returns each model's topology JSON (`model.toJSON`). */
export function runTfjsModules(modules: string[]): unknown[] {
  mkdirSync(CACHE, { recursive: true });
  const dir = mkdtempSync(join(CACHE, 'tfjs-code-'));
  try {
    modules.forEach((code, i) => {
      writeFileSync(join(dir, `m${i}.mjs`), code);
    });
    const runner = [
      "import * as tf from '@tensorflow/tfjs';",
      "await tf.setBackend('cpu');",
      'const out = [];',
      `for (let i = 0; i < ${modules.length}; i++) {`,
      "  const { buildModel } = await import('./m' + i + '.mjs');",
      '  out.push(buildModel().toJSON(null, false));',
      '}',
      'process.stdout.write(JSON.stringify(out));',
    ].join('\n');
    writeFileSync(join(dir, 'run.mjs'), runner);
    const stdout = execFileSync('node', [join(dir, 'run.mjs')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return JSON.parse(stdout) as unknown[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Type-checks generated TypeScript modules with the project's `tsc` (strict); throws with its diagnostics. */
export function typecheckModules(modules: string[]): void {
  mkdirSync(CACHE, { recursive: true });
  const dir = mkdtempSync(join(CACHE, 'ts-code-'));
  try {
    const files = modules.map((code, i) => {
      const file = join(dir, `m${i}.ts`);
      writeFileSync(file, code);
      return file;
    });
    const flags = [
      '--noEmit',
      '--strict',
      '--target',
      'es2022',
      '--module',
      'esnext',
      '--moduleResolution',
      'bundler',
    ];
    try {
      execFileSync(
        resolve('node_modules/.bin/tsc'),
        [...flags, '--ignoreConfig', '--skipLibCheck', '--types', 'node', ...files],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
    } catch (e) {
      throw new Error(`tsc refused the generated code:\n${(e as { stdout?: string }).stdout ?? String(e)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
