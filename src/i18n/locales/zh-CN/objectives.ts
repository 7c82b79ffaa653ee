import type { objectives as en } from '../en/objectives';
import type { Messages } from '../../types';

/** 训练引擎在图或数据集无法按所选目标（VAE、GAN、自编码器、智能体）训练时给出的说明。 */
export const objectives: Messages<typeof en> = {
  ganNeedsGraph: 'GAN 需要模型图才能找到它的生成器和判别器。',
  ganNeedsData: 'GAN 要从真实样本中学习：请在“数据”标签页中选择一个数据集。',
  ganRoles:
    'GAN 需要恰好一个生成器和一个判别器，各自是从一个 Input 开始的子图；这个图有 {{generators}}和 {{discriminators}}。请选中每个网络的 Input，在“层”标签页中设置它的角色（或打开“MNIST 手写数字 GAN”模板）。',
  generators_one: '{{count}} 个生成器',
  generators_other: '{{count}} 个生成器',
  discriminators_one: '{{count}} 个判别器',
  discriminators_other: '{{count}} 个判别器',
  partInputsOutputs: '{{part}}必须有一个 Input 和一个输出；它有 {{inputs}} 个 Input 和 {{outputs}} 个输出。',
  generator: '生成器',
  discriminator: '判别器',
  ganNoise: '生成器的 Input {{shape}} 应当是一个噪声向量：请给它 [100] 这样的形状（生成器再把它变成图片）。',
  ganShapes:
    '生成器输出 {{fake}}，但判别器接收 {{image}}：请修改生成器的最后几层（例如加一个变为 {{image}} 的 Reshape），使两个形状相同。',
  ganVerdict:
    '判别器必须以一个单元结束（真或假：sigmoid 或原始 logit）；它现在以 {{shape}} 结束。请把它最后的 Dense 设为 1 个单元。',
  ganData: '判别器接收 {{image}}，但数据集的样本是 {{data}}：请把它的 Input 设为数据的形状。',
  autoencoderNeedsData: '自编码器要从数据集中学习：请在“数据”标签页中选择一个。',
  autoencoderInputsOutputs:
    '自编码器有一个 Input 和一个输出；这个模型有 {{inputs}} 个输入和 {{outputs}} 个输出。',
  reconstructShape:
    '为了重建输入，模型的输出必须与输入形状相同：输出是 {{output}}，数据是 {{data}}。请用这个形状的层结束模型（例如 Reshape，或有 {{filters}} 个过滤器的 Conv2D）。',
  vaeNeedsData: 'VAE 要从数据集中学习：请在“数据”标签页中选择一个。',
  vaeNeedsSampling:
    'VAE 需要一个 Sampling 层：让编码器有两个宽度相同的 Dense 输出（z_mean 和 z_log_var），把它们接入 Sampling 层，再把它的输出送进解码器——或者改用“autoencoder”目标训练。',
  latentFixedSize: '潜在编码 {{shape}} 需要固定的大小。',
  decoderTangled: '{{layer}} 同时接收 {{start}} 之前和之后的输入，因此解码器无法单独成立。',
  outputIndependent: '模型的输出不依赖于 {{start}}。',
  agentNeedsGame:
    '智能体需要一个游戏来玩：请选择 CartPole、Maze 或 Catch 作为数据集（收到的是“{{received}}”）。',
  agentDiscount: '折扣 γ 必须在 (0, 1] 之内；收到的是 {{value}}。',
  agentCopies: '游戏副本数必须在 1–256 之间；收到的是 {{value}}。',
  agentEntropy: '熵奖励必须 ≥ 0；收到的是 {{value}}。',
  agentStepsPerEpoch: '每轮步数必须 ≥ 1；收到的是 {{value}}。',
  agentBufferSize: '经验回放缓冲区必须至少容纳 1 条转移；收到的是 {{value}}。',
  agentTargetUpdate: '目标网络更新周期必须 ≥ 1；收到的是 {{value}}。',
  agentEpsilonStart: 'ε 初始值必须在 [0, 1] 之内；收到的是 {{value}}。',
  agentEpsilonEnd: 'ε 最终值必须在 [0, 1] 之内；收到的是 {{value}}。',
  agentEpsilonSteps: 'ε 衰减步数必须 ≥ 0；收到的是 {{value}}。',
  agentLearningStarts: '开始学习的步数必须 ≥ 0；收到的是 {{value}}。',
  agentInputs: '智能体的网络只有一个输入（观测）；这个网络有 {{count}} 个。',
  agentObservation:
    '网络的输入是 {{have}}，但 {{game}} 的观测是 {{want}}（{{observation}}）。请把 Input 设为 {{shape}}。',
  agentActions:
    '网络的输出是 {{have}}，但 {{game}} 有 {{count}} 个动作（{{actions}}）：每个动作一个输出。请把最后的 Dense 设为 {{count}} 个单元。',
};
