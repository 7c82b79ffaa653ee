import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
setWasmPaths(`${process.cwd()}/node_modules/@tensorflow/tfjs-backend-wasm/dist/`);
await tf.setBackend('wasm');
for (const [up, f, n] of [[64, 32, 2], [128, 32, 2], [128, 64, 2]] as const) {
  const layers: tf.layers.Layer[] = [tf.layers.upSampling2d({ size: [up, up], inputShape: [4, 4, 1] })];
  for (let i = 0; i < n; i++) layers.push(tf.layers.conv2d({ filters: f, kernelSize: 3, padding: 'same' }));
  layers.push(tf.layers.globalAveragePooling2d({}));
  const m = tf.sequential({ layers });
  const x = tf.zeros([1, 4, 4, 1]);
  (m.predict(x) as tf.Tensor).dataSync();
  const t0 = performance.now(); (m.predict(x) as tf.Tensor).dataSync(); console.log(up, f, n, performance.now() - t0);
}
