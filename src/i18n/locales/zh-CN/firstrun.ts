import type { Messages } from '../../types';
import type { firstrun as en } from '../en/firstrun';

/** 首次使用的帮助：建议的训练设置、模板自带的数据集、训练前的检查、点击添加层。 */
export const firstrun: Messages<typeof en> = {
  blocked_one:
    '暂不训练：数据集与模型不匹配。{{first}} 请使用“数据集–模型检查”中的修复，或点击“应用修复并训练”。',
  blocked_other:
    '暂不训练：数据集与模型不匹配（{{count, number}} 个问题）。第一个：{{first}} 请使用“数据集–模型检查”中的修复，或点击“应用修复并训练”。',
  liveCharts: '实时图表',
  fixAndTrain: '应用修复并训练',
  suggested: '建议值',
  suggestedHint: '按 {{count, number}} 个训练样本给出的建议；输入数值即可自行设定。',
  trainsOn: '训练数据：{{dataset}} · {{epochs, number}} 轮，批大小 {{batch, number}}',
  withDataset: '同时使用它推荐的数据集和设置',
  cannotTake: '{{type}} 无法接收“{{source}}”的输出：{{reason}}',
  addedUnconnected: '{{type}} 已添加在“{{source}}”下方，但未连接：{{reason}}',
};
