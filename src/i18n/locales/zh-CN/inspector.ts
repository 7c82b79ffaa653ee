import type { Messages } from '../../types';
import type { inspector as en } from '../en/inspector';

/** 检查器：所选层的表单，或模型的汇总。 */
export const inspector: Messages<typeof en> = {
  layer: '层',
  unknownType: '工作室不认识层类型“{{type}}”。',
  name: '名称',
  outputShape: '输出形状',
  parameters: '参数',
  nonTrainable: '（{{count, number}} 个不可训练）',
  problem: '问题',
  model: '模型',
  selected: '已选中 {{count, number}} 个层。',
  selectHint: '选择一个层以编辑它的参数。',
  totals: '模型汇总',
  layers: '层数',
  totalParams: '参数总数',
  trainableParams: '可训练参数',
  nonTrainableParams: '不可训练参数',
  problems: '问题',
  none: '无',
  layersWithErrors_one: '{{count, number}} 个层有错误',
  layersWithErrors_other: '{{count, number}} 个层有错误',
};
