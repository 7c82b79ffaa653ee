/// <reference lib="webworker" />
// The training worker: owns tfjs and every backend; the UI talks to it only through client.ts.
import '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import '@tensorflow/tfjs-backend-wasm';
import { idbCheckpoints } from './engine/idb-store';
import { answer } from './engine/requests';
import { Session } from './engine/session';
import { setUpWasm } from './engine/wasm-setup';
import type { FromWorker, ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

setUpWasm();
let session: Session | null = null;

const post = (msg: FromWorker, transfer: Transferable[] = []) => self.postMessage(msg, transfer);

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'start':
      session?.disposeModel();
      session = new Session(msg, post, idbCheckpoints);
      void session.run().finally(() => post({ type: 'phase', phase: 'idle', text: 'Idle' }));
      break;
    case 'pause':
      session?.trainer?.control.pause();
      post({ type: 'phase', phase: 'paused', text: 'Paused' });
      break;
    case 'resume':
      session?.trainer?.control.resume();
      post({ type: 'phase', phase: 'training', text: `Training on ${session?.backend ?? 'cpu'}` });
      break;
    case 'stop':
      session?.stop();
      break;
    default:
      void answer(session, msg).then(({ reply, transfer }) => post(reply, transfer));
  }
};
