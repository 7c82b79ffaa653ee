import type { Messages } from '../../types';
import type { canvas as en } from '../en/canvas';

/** 模型图：节点、连接点、提示、空画布。 */
export const canvas: Messages<typeof en> = {
  region: '模型图',
  minimap: '缩略图',
  empty: '从层面板把层拖到这里，或打开一个模板开始。',
  node: '{{type}} 层 {{name}}',
  inputOf: '{{name}} 的输入',
  outputOf: '{{name}} 的输出',
  fix: '修复：{{label}}',
  dismiss: '关闭消息',
  paramCount_one: '{{count, number}} 个参数',
  paramCount_other: '{{count, number}} 个参数',
};
