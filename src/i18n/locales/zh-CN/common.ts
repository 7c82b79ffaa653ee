import type { Messages } from '../../types';
import type { common as en } from '../en/common';

/** 通用字符串：顶栏、通用按钮、保存状态、语言名称。 */
export const common: Messages<typeof en> = {
  brand: '模型工作室',
  projectName: '项目名称',
  projects: '项目',
  templates: '模板',
  undo: '撤销',
  redo: '重做',
  autoLayout: '自动布局',
  language: '语言',
  saveStatus: '保存状态',
  saved: '已保存',
  saving: '正在保存…',
  notSaved: '未保存',
  close: '关闭',
  cancel: '取消',
  ok: '确定',
  samples_one: '{{count, number}} 个样本',
  samples_other: '{{count, number}} 个样本',
  percent: '{{value, number(style: percent; maximumFractionDigits: 1)}}',
};
