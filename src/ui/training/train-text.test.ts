/** The training engine's messages: each known wording is recognised and said in Chinese with its numbers. */
import { afterAll, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { threadsFailed, threadsUnavailable } from '../../train/engine/wasm-threads';
import { trainMessage } from './train-text';

const ENGLISH = [
  'fastest on this model',
  'chosen in the settings',
  'fallback after the GPU device was lost',
  "The loss was NaN on the first batch: check that the data has no missing or huge values and that the loss (meanSquaredError) suits the model's output.",
  'Training stopped: the loss became infinite at step 42 (epoch 1.31). The learning rate (0.5) is probably too high — try 0.05, or a smaller batch of changes per step (gradient blow-up).',
  'The training data holds a missing or infinite value (sample 17): fix the dataset first.',
  'The GPU device was lost; training moved to wasm and continues from the checkpoint of epoch 3.',
  'The checkpoint could not be saved (QuotaExceededError); training goes on.',
  'Train the model first.',
  // Why WASM runs on one thread (the engine's own wording).
  threadsUnavailable({ crossOriginIsolated: false })!,
  threadsFailed('no answer within 30 s'),
  'this browser offers no SharedArrayBuffer, so WASM runs on one thread',
];

describe('training messages in the UI language', () => {
  afterAll(() => void i18n.changeLanguage('en'));

  it('leaves English as the engine wrote it', async () => {
    await i18n.changeLanguage('en');
    expect(ENGLISH.map(trainMessage)).toEqual(ENGLISH);
  });

  it('says every known message in Chinese, keeping its figures', async () => {
    await i18n.changeLanguage('zh-CN');
    const zh = ENGLISH.map(trainMessage);
    expect(zh.filter((s, i) => s === ENGLISH[i])).toEqual([]);
    expect(zh[4]).toBe(
      '训练已停止：损失在第 42 步（第 1.31 轮）变成了 无穷大。学习率（0.5）可能太高——试试 0.05，或让每一步的更新更小（梯度爆炸）。',
    );
    expect(zh[6]).toBe('GPU 设备丢失；训练已转到 wasm，并从第 3 轮的检查点继续。');
    expect(zh[10]).toBe('多线程 WASM 版本未能启动（no answer within 30 s），因此 WASM 只用一个线程运行');
    expect(trainMessage('Something new from the engine.')).toBe('Something new from the engine.');
  });
});
