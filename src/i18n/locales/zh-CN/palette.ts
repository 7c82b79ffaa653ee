import type { Messages } from '../../types';
import type { palette as en } from '../en/palette';

/** 层面板（层类型名沿用 Keras，不翻译）。 */
export const palette: Messages<typeof en> = {
  region: '层面板',
  search: '搜索层',
  searchPlaceholder: '搜索层…',
  noMatch: '没有与“{{query}}”匹配的层。',
  category: {
    Input: '输入',
    Core: '核心',
    Convolution: '卷积',
    Pooling: '池化',
    Reshaping: '变形',
    Normalization: '归一化',
    Regularization: '正则化',
    Activation: '激活',
    Recurrent: '循环',
    Merge: '合并',
    Embedding: '嵌入',
    Wrapper: '包装器',
  },
};
