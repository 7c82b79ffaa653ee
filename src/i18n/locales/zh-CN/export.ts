import type { Messages } from '../../types';
import type { exportText as en } from '../en/export';

/** 导出与导入：导出菜单、代码对话框、导入模型。 */
export const exportText: Messages<typeof en> = {
  choices: {
    files: 'TF.js 模型文件',
    keras: 'Keras Python 代码',
    training: 'Keras 训练脚本',
    tfjs: 'TF.js 代码',
    png: '模型图图片（PNG）',
    svg: '模型图图片（SVG）',
  },
  cannotExport: '无法导出：{{error}}',
  exporting: '正在导出…',
  export: '导出',
  kerasCode: 'Keras Python 代码',
  language: '语言',
  tfjsCode: 'TF.js 代码',
  copied: '已复制到剪贴板。',
  clipboardRefused: '浏览器拒绝访问剪贴板：请选中代码后手动复制。',
  copy: '复制',
  download: '下载',
  importing: '正在导入…',
  importModel: '导入模型',
  modelFiles: '模型文件（model.json 和 .bin）',
  imported_one: '已导入“{{name}}”（{{count}} 层），{{what}}。',
  imported_other: '已导入“{{name}}”（{{count}} 层），{{what}}。',
  withWeights: '包含权重',
  withoutWeights: '不含权重',
  importFailed: '无法导入该模型：{{error}}',
  downloaded: '已下载 model.json 和 {{file}}，其中是{{which}}。',
  untrainedWeights: '未训练（刚初始化）的权重',
  slotWeights: '{{slot}} 权重',
  noCanvas: '此浏览器无法在画布上绘图。',
  pngFailed: '无法把图像编码为 PNG。',
  dismiss: '关闭',
  trainingDownloaded:
    '已下载 {{file}}（{{size}} MB）：包含 train.py、数据和 README.txt。用 TensorFlow 训练后，再通过“导入模型”导入 tfjs_model/model.json 和 weights.bin。',
  training: {
    noDataset: '请先在“数据”标签页选择数据集：脚本要用它来训练。',
    objective: '脚本只训练监督学习模型（输入 → 目标）；本项目使用的训练目标是“{{objective}}”。',
    inputsOutputs: '脚本只训练单输入、单输出的模型；该模型有 {{inputs}} 个输入和 {{outputs}} 个输出。',
    domain: '脚本暂不支持评分数据集和边框数据集。',
    shape: '模型的输入 {{model}} 与数据集的样本形状 {{data}} 不一致。',
  },
};
