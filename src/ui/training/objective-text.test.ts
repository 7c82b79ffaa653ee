/**
 * The training engine's objective and game sentences reach a Chinese person in Chinese: every `ObjectiveError`
 * (and the GAN role check's `RoleError`) carries a code of the `objectives` catalog, the English entry is the
 * engine's own sentence word for word, and the Chinese one keeps its numbers and shapes.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { chain } from '../../graph';
import { ganParts, RoleError } from '../../graph/roles';
import { i18n } from '../../i18n';
import { describeDataFailure } from '../../train/engine/failure';
import { ObjectiveError } from '../../train/engine/objectives/types';
import { checkAgentModel, resolveAgentOptions } from '../../train/engine/rl/options';
import type { TrainingConfig } from '../../train/types';
import { envSpec } from '../../envs';
import { codedText } from '../coded-text';
import { sentenceProblems, sources, uncatalogued } from '../testing/coded-text';
import { trainMessage } from './train-text';

const CONFIG = { agent: { env: 'cartpole' } } as unknown as TrainingConfig;
const dense = (inputs: number, units: number) =>
  tf.sequential({ layers: [tf.layers.dense({ inputShape: [inputs], units })] });

/** Real engine checks that fail, one per kind of sentence. */
const CASES: [string, () => unknown][] = [
  ['no game', () => resolveAgentOptions({ agent: { env: 'chess' } } as unknown as TrainingConfig)],
  [
    'discount',
    () => resolveAgentOptions({ agent: { env: 'cartpole', discount: 2 } } as unknown as TrainingConfig),
  ],
  ['copies', () => resolveAgentOptions({ ...CONFIG, agent: { env: 'maze', copies: 0 } } as TrainingConfig)],
  ['observation', () => checkAgentModel(dense(3, 2), envSpec('cartpole'))],
  ['actions', () => checkAgentModel(dense(4, 3), envSpec('cartpole'))],
  ['maze observation', () => checkAgentModel(dense(4, 4), envSpec('maze'))],
  [
    'GAN roles',
    () =>
      ganParts(
        chain([
          ['Input', { shape: [4] }],
          ['Dense', { units: 1 }],
        ]).graph,
      ),
  ],
];

/** The error a call throws, as the worker would send it: a RoleError becomes the GAN objective's error. */
function thrown(call: () => unknown): ObjectiveError {
  try {
    call();
  } catch (e) {
    if (e instanceof ObjectiveError) return e;
    if (e instanceof RoleError && e.detail) return new ObjectiveError(e.message, e.detail as never, e.nodeId);
    throw e;
  }
  throw new Error('nothing was thrown');
}

describe('objective and game sentences in the UI language', () => {
  afterAll(() => void i18n.changeLanguage('en'));

  it('gives every ObjectiveError and RoleError a code that the catalog has', () => {
    const files = [...sources('src/train/engine'), 'src/graph/roles.ts'];
    expect(uncatalogued('objectives', files, /ObjectiveError|RoleError/)).toEqual([]);
  });

  it('says each sentence word for word in English, and in Chinese with its numbers and shapes', async () => {
    const errors = CASES.map(([name, call]): [string, ObjectiveError] => [name, thrown(call)]);
    expect(await sentenceProblems('objectives', errors)).toEqual([]);
  });

  it('shows a Chinese person the game check in Chinese', async () => {
    const e = thrown(() => checkAgentModel(dense(3, 2), envSpec('cartpole')));
    await i18n.changeLanguage('en');
    expect(codedText('objectives', e)).toBe(e.message);
    await i18n.changeLanguage('zh-CN');
    expect(codedText('objectives', e)).toBe(
      '网络的输入是 (None, 3)，但 CartPole 倒立摆 的观测是 (None, 4)（小车位置、小车速度、杆的角度、杆的角速度）。请把 Input 设为 (4)。',
    );
  });
});

describe("the engine's other run sentences in Chinese", () => {
  afterAll(() => void i18n.changeLanguage('en'));

  it('says early stopping and a data failure in Chinese, with their numbers', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(
      trainMessage(
        'Early stopping: no improvement for 3 epochs; kept the best epoch (7) and restored its weights.',
      ),
    ).toBe('提前停止：连续 3 轮没有改进；保留了最好的一轮（第 7 轮），并恢复了它的权重。');
    const failure = describeDataFailure('GatherV2: the index value 3490 is not in [0, 1999]');
    expect(trainMessage(failure)).toBe(
      '数据错误：数据集中有 id 3,490，但查找层（Embedding）只有第 0 到 1,999 行。请把它的 inputDim 提高到词表大小（“训练”标签页中的数据集与模型检查可一键设置）。',
    );
  });
});
