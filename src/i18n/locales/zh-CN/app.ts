import type { Messages } from '../../types';
import type { app as en } from '../en/app';

/** 工作室框架：启动、侧栏标签页、对话框、项目、模板、错误边界。 */
export const app: Messages<typeof en> = {
  opening: '正在打开上次的项目…',
  storageBlocked: '此浏览器禁止了本地存储，项目无法保存：{{error}}',
  close: '关闭',
  panels: '面板',
  tabs: {
    layer: '层',
    model: '模型',
    data: '数据',
    train: '训练',
    runs: '运行记录',
    evaluate: '评估',
    publish: '发布',
    play: '对弈',
    generate: '生成',
  },
  areas: {
    palette: '层面板',
    graph: '模型图',
    panel: '{{name}}面板',
  },
  panelError: '{{area}}出现问题并已停止：{{error}}。项目已保存，工作室的其他部分仍可正常使用。',
  tryAgain: '重试',
  saveProjectFile: '保存项目文件',
  openProjectFile: '打开项目文件',
  projectFile: '项目文件',
  openFailed: '无法打开该文件：{{error}}',
  opened: '已打开“{{name}}”。',
  projects: '项目',
  newProject: '新建项目',
  untitled: '未命名项目',
  projectNameOf: '项目 {{name}} 的名称',
  layerCount_one: '{{count, number}} 层',
  layerCount_other: '{{count, number}} 层',
  open: '打开',
  duplicate: '复制',
  delete: '删除',
  confirmDelete: '删除项目“{{name}}”？此操作无法撤销。',
  templates: '模板',
  openTemplate: '打开模板 {{title}}',
  template: {
    'reference-cnn': {
      title: 'MNIST 手写数字 CNN',
      description: 'Keras 的 MNIST 示例：Conv2D 32 3×3 → MaxPooling2D → Flatten → Dense 10 softmax。',
    },
    'tabular-mlp': {
      title: '表格数据 MLP',
      description: '4 个特征 → 两个隐藏 Dense 层 → 3 个类别（Iris 鸢尾花）。',
    },
    'lstm-text': {
      title: 'LSTM 文本分类器',
      description:
        '词元 id → Embedding → LSTM（输出每一步）→ GlobalMaxPooling1D → Dense：把邮件分为正常邮件或垃圾邮件（100 个 id，5,000 个词）。',
    },
    'conv-autoencoder': {
      title: '卷积自编码器',
      description: '把 28×28 图像压缩成一个小编码，再重建出来。',
    },
    'residual-block': {
      title: '残差块',
      description: '两个卷积加一条跳跃连接，由 Add 合并（ResNet 风格），用于 MNIST 手写数字。',
    },
    'two-input': {
      title: '双输入模型',
      description: '两个 Input，各接一个分支，由 Concatenate 合并：Iris 的萼片（长、宽）和花瓣测量值。',
    },
    'cartpole-policy': {
      title: 'CartPole 策略网络（REINFORCE）',
      description:
        '让小车上的杆保持平衡：4 个观测 → Dense 32 ReLU → Dense 2 softmax（向左 / 向右推），用带基线的 REINFORCE 训练。',
    },
    'maze-dqn': {
      title: '迷宫 Q 网络（DQN）',
      description:
        '走出 6×6 迷宫：独热位置（36）→ Dense 64 ReLU → Dense 4 线性 Q 值（上、右、下、左），用 DQN 训练。',
    },
    'catch-conv-policy': {
      title: '看像素接球（Conv2D 策略）',
      description:
        '只看 10×10 的画面接住下落的球：Conv2D 8 3×3 → Flatten → Dense 32 → Dense 3 softmax（左、不动、右），用 REINFORCE 训练。',
    },
    'spiral-mlp': {
      title: '二维点 MLP',
      description: 'x, y → 两个 32 单元的隐藏 Dense 层 → 2 个类别：分开两条交错的螺旋线。',
    },
    'matrix-factorisation': {
      title: '矩阵分解',
      description:
        '推荐：用户 id 和物品 id → 两个 Embedding → Dot，再加上每个用户和每个物品各自学到的偏置 → 评分（用于“电影评分”数据集）。',
    },
    'neural-recommender': {
      title: '神经推荐模型',
      description:
        '推荐：用户和物品的 Embedding → Concatenate → 一组 Dense 层，再加上每个用户和每个物品的偏置 → 评分。',
    },
    'single-object-localiser': {
      title: '单目标定位器',
      description:
        '目标定位：一个有两个输出头的 CNN，一个输出边框（4 个数，sigmoid），一个输出类别（softmax），各有自己的损失。',
    },
    'speech-commands-cnn': {
      title: '语音命令 CNN',
      description:
        '语音：对数梅尔频谱图（61 帧 × 40 个梅尔频带）→ 三个 Conv2D 块 → Dense → 10 个词（用于“语音数字”数据集）。',
    },
    'vae-mnist': {
      title: 'MNIST 手写数字 VAE',
      description: '二维潜在空间的变分自编码器：Dense 编码器 → z_mean、z_log_var → Sampling → Dense 解码器。',
    },
    'conv-vae': {
      title: '卷积 VAE',
      description: 'Keras 的 VAE 示例：带步长的 Conv2D 编码器、二维潜在编码、Conv2DTranspose 解码器。',
    },
    'gan-mnist': {
      title: 'MNIST 手写数字 GAN',
      description:
        '一个生成器（64 维噪声 → Dense 256 → 28×28 图像）和一个判别器（图像 → Dense 256 → 真或假），相互对抗训练。',
    },
    'dcgan-mnist': {
      title: 'MNIST 手写数字 DCGAN',
      description:
        'DCGAN 的做法：带 BatchNormalization 的 Conv2DTranspose 生成器，带 LeakyReLU 的步长 Conv2D 判别器。',
    },
  },
};
