import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build, type Plugin, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { selfContainedFactory, wasmThreads } from './wasm-threads-plugin';

const glue = createRequire(import.meta.url).resolve(
  '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js',
);

/** The factory's source as tfjs hands it to a pthread worker, from a minified production bundle. */
async function bundledFactorySource(plugins: Plugin[]): Promise<string> {
  const entry = join(mkdtempSync(join(tmpdir(), 'wasm-threads-')), 'entry.js');
  writeFileSync(entry, `import f from ${JSON.stringify(glue)}; export const source = f.toString();`);
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    plugins,
    build: { write: false, minify: true, lib: { entry, formats: ['es'], fileName: 'factory' } },
  })) as Rollup.RollupOutput[];
  const code = out[0].output.find((c) => c.type === 'chunk')!.code;
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return mod.source as string;
}

/**
 * Starts the factory the way a pthread worker does (its source importScripts'd, then called with the shared heap):
 * 'started' when it gets as far as handing itself to the worker script's `startWorker`, else the error.
 */
function startInPthreadWorker(source: string): unknown {
  let started = false;
  const scope = {
    startWorker: () => {
      started = true;
    },
    self: { location: { href: 'blob:http://127.0.0.1/pthread' } },
    importScripts: () => undefined,
    console: { log() {}, warn() {}, error() {} },
    Promise,
    WebAssembly,
    // What the pthread worker's "load" message brings: the shared heap (the instance itself is stubbed).
    wasmMemory: new WebAssembly.Memory({ initial: 1, maximum: 16, shared: true }),
  };
  try {
    runInNewContext(
      `var WasmBackendModuleThreadedSimd = ${source};
       WasmBackendModuleThreadedSimd({ ENVIRONMENT_IS_PTHREAD: true, wasmMemory, instantiateWasm: () => ({}) });`,
      scope,
    );
    return started ? 'started' : 'did not start';
  } catch (e) {
    return e;
  }
}

describe('wasm-threads-plugin', () => {
  it('patches the glue of the installed tfjs-backend-wasm and refuses text it does not know', () => {
    const code = readFileSync(glue, 'utf8');
    const patched = selfContainedFactory(code);
    expect(patched.length).toBeLessThan(code.length);
    // Left: the outer closure's own three (its declaration and the __filename fallback), none inside the factory.
    expect(code.match(/_scriptDir/g)?.length).toBe(7);
    expect(patched.match(/_scriptDir/g)?.length).toBe(3);
    expect(() => selfContainedFactory('var x = 1;')).toThrow(/tfjs-backend-wasm changed/);
  });

  it('a minified bundle of the threaded factory starts in a pthread worker only when patched', async () => {
    const broken = startInPthreadWorker(await bundledFactorySource([]));
    expect(String(broken)).toMatch(/ReferenceError: \w+ is not defined/);
    const fixed = startInPthreadWorker(await bundledFactorySource([wasmThreads()]));
    expect(fixed).toBe('started');
  });
});
