// Worker threads do not inherit the TypeScript loader of the thread that starts them (tsx or vitest), so
// this plain-JS entry registers tsx first. tfjs' console notices go to stderr: stdout belongs to the host.
import { register } from 'tsx/esm/api';

const toStderr = (...args) => process.stderr.write(`${args.map(String).join(' ')}\n`);
console.log = toStderr;
console.info = toStderr;
console.warn = toStderr;
register();
const worker = await import('./worker.ts');

export default worker.default;
