import type { Messages } from '../../types';
import type { summary as en } from '../en/summary';

/** Keras 风格的模型摘要。 */
export const summary: Messages<typeof en> = {
  empty: '添加层后即可查看模型摘要。',
  region: '模型摘要',
  caption: '层、输出形状与参数',
  layerType: '层（类型）',
  outputShape: '输出形状',
  params: '参数数量',
  connectedTo: '连接到',
  totalParams: '参数总数',
  trainableParams: '可训练参数',
  nonTrainableParams: '不可训练参数',
  weightMemory: '权重内存',
  bytesFloat32: '{{bytes}}（{{n}} 字节，float32）',
};
