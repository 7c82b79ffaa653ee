import type { Messages } from '../../types';
import type { generate as en } from '../en/generate';

/** “生成”标签页、训练目标设置，以及各训练目标自己的损失曲线名称。 */
export const generate: Messages<typeof en> = {
  title: '生成',
  samples: '样本',
  latentSpace: '潜在空间',
  reconstructions: '重建',
  epoch: '轮次',
  epochN: '第 {{n}} 轮',
  sampleN: '样本 {{n}}',
  originalN: '测试图像 {{n}}',
  reconstructionN: '重建图像 {{n}}',
  gridN: '网格解码点 {{n}}',
  encodings: '测试图像在潜在空间中的编码，按类别着色',
  value: '值 {{n}}',
  samplesTable: '生成的样本',
  originalsTable: '测试样本',
  reconstructionsTable: '它们的重建',
  notImages:
    '这些样本不是图像（每个样本为 {{shape}}），因此以表格显示：图像网格需要形如（高度、宽度、通道）的样本。',
  manifoldImagesOnly: '解码网格只对图像数据绘制；编码点显示在右侧。',
  latentNeeds2d:
    '潜在空间图需要二维潜在编码：把 z_mean 和 z_log_var 各设为 2 个单元（如“MNIST 手写数字 VAE”模板）即可查看。',
  latentHelp: '左：从 [−3, 3]² 网格上的潜在编码 z 解码出的图像。右：测试图像的 z_mean，每个类别一种颜色。',
  trainFirst: '请先训练模型：每轮结束后样本会显示在这里。',
  notGenerative:
    '此标签页显示生成模型生成的内容。请在“训练”标签页中选择“VAE”“GAN”或“自编码器”目标，或打开一个 VAE 或 GAN 模板。',
  samplesHelp: {
    vae: '每轮结束后，从同一组固定种子的 z ~ N(0, I) 解码出 64 张图像。',
    gan: '每轮结束后，由同一批固定噪声生成 64 张图像：拖动滑块比较各轮。',
    autoencoder: '每轮结束后测试图像的重建结果。',
  },
  publishHint: {
    vae: '可在“发布”标签页中发布解码器：它把潜在向量变成图像。',
    gan: '可在“发布”标签页中发布生成器：它把噪声向量变成图像。',
  },
  settings: {
    objective: '训练目标',
    beta: 'KL 权重 β',
    discriminatorSteps: '每步生成器对应的判别器步数',
    labelSmoothing: '标签平滑（真实标签为 1 − s）',
    generatorLearningRate: '生成器学习率',
    discriminatorLearningRate: '判别器学习率',
  },
  objective: {
    supervised: '监督学习（输入 → 标签）',
    autoencoder: '自编码器（输入 → 输入）',
    vae: 'VAE（变分自编码器）',
    gan: 'GAN（生成器对抗判别器）',
    reinforce: 'REINFORCE（策略梯度）',
    dqn: 'DQN（深度 Q 网络）',
  },
  objectiveHelp: {
    supervised: '根据输入学习数据集的标签或目标值。',
    autoencoder: '学习重现每个输入（忽略标签）：输出必须与输入形状相同。',
    vae: '重建损失 + β·每个 Sampling 层的 KL：模型需要一个由 z_mean 和 z_log_var 输入的 Sampling 层。',
    gan: '让生成器与判别器对抗训练：两个子图，请在“层”标签页中为各自的 Input 设置角色。',
    reinforce: '智能体根据自己回合的回报进行学习。',
    dqn: '智能体从回放的经验中学习动作价值。',
  },
  series: {
    total: '总计',
    reconstruction: '重建',
    kl: 'KL',
    discriminator: '判别器',
    generator: '生成器',
  },
  role: {
    label: '角色（GAN）',
    none: '无',
    generator: '生成器',
    discriminator: '判别器',
    help: 'GAN 让两个子图相互对抗训练：请标记生成器的 Input（噪声向量）和判别器的 Input（图像）。',
  },
  publish: {
    what: '发布内容',
    whole: '整个模型',
    decoder: '解码器（输入 z → 图像）',
    generator: '生成器（噪声 → 图像）',
  },
};
