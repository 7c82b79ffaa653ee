import type { Plugin } from 'vite';

/** tfjs-backend-wasm's Emscripten glue for its threaded SIMD build (a CommonJS file the bundler wraps). */
export const THREADED_GLUE = /tfjs-backend-wasm-threaded-simd\.js$/;

/**
 * tfjs hands each pthread worker the factory's source (`factory.toString()`), which reads `_scriptDir` from the
 * closure around it. Minified, that closure variable is renamed (to `e`, say) and the guard `typeof _scriptDir`
 * is dropped, so every pthread worker dies with "e is not defined". In a worker `_scriptDir` is always
 * undefined (there is no `document.currentScript`), so dropping both reads changes nothing else.
 */
const PATCHES: [string, string][] = [
  ['if(typeof _scriptDir !== "undefined" && _scriptDir){scriptDirectory=_scriptDir}', ''],
  ['"urlOrBlob":Module["mainScriptUrlOrBlob"]||_scriptDir', '"urlOrBlob":Module["mainScriptUrlOrBlob"]'],
];

/** The glue with the factory made self-contained; throws when a tfjs upgrade changed the patched text. */
export function selfContainedFactory(code: string): string {
  let out = code;
  for (const [from, to] of PATCHES) {
    if (!out.includes(from))
      throw new Error(
        `wasm-threads-plugin: tfjs-backend-wasm changed; "${from}" is gone (re-check the patch)`,
      );
    out = out.replace(from, to);
  }
  const inner = out.slice(out.indexOf('return ('));
  if (/_scriptDir/.test(inner.slice(0, inner.lastIndexOf('})();'))))
    throw new Error('wasm-threads-plugin: the threaded factory still reads _scriptDir from its closure');
  return out;
}

/** Vite plugin (main and worker bundles): lets the threaded WASM build start its pthreads after minification. */
export function wasmThreads(): Plugin {
  return {
    name: 'studio-wasm-threads',
    enforce: 'pre',
    transform(code, id) {
      if (!THREADED_GLUE.test(id.split('?')[0])) return null;
      return { code: selfContainedFactory(code), map: null };
    },
  };
}
