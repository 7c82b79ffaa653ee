import type { Messages } from '../../types';
import type { shapes as en } from '../en/shapes';

/** 形状错误（按代码）和一键修复的标签。 */
export const shapes: Messages<typeof en> = {
  rank: '{{layer}} 需要秩为 {{rank}} 的输入 {{notation}}；实际得到 {{got}}。',
  minRank: '{{layer}} 需要秩至少为 {{rank}} 的输入 {{notation}}；实际得到 {{got}}。',
  tooSmall:
    '{{layer}}：输入 {{input}} 对这个{{what}}来说太小——输出会是 {{output}}。请使用更小的{{what}}、padding "same"，或更大的输入。',
  knownDim:
    '{{layer}} 需要已知的{{what}}维度；实际得到 {{got}}，它的最后一个轴是 None（长度可变）。请在 Input 中给这个轴一个固定大小，或在 {{layer}} 前面放一个能确定它的层（处理词元 id 用 Embedding，也可以用 Dense、Conv1D）。',
  imageRank: '{{layer}} 需要秩为 4 的输入 (None, h, w, c)；实际得到 {{got}}。',
  imageRankFix: '{{layer}} 需要秩为 4 的输入 (None, h, w, c)；实际得到 {{got}}。请在它前面{{fix}}。',
  sequenceRank: '{{layer}} 需要秩为 3 的输入 (None, steps, channels)；实际得到 {{got}}。',
  sequenceRankFix:
    '{{layer}} 需要秩为 3 的输入 (None, steps, channels)；实际得到 {{got}}。请在它前面{{fix}}。',
  kernelTooBig:
    '{{layer}}：{{size}} 的卷积核放不进输入 {{input}}——输出会是 {{output}}。请把 padding 设为 "same"、使用更小的卷积核，或输入更大的数据。',
  windowTooBig:
    '{{layer}}：{{size}} 的池化窗口放不进输入 {{input}}——输出会是 {{output}}。请把 padding 设为 "same"、使用更小的池化窗口，或输入更大的数据。',
  flattenFlat:
    'Flatten 需要秩至少为 3 的输入 (None, …, …)；实际得到 {{got}}，它已经是平的了。请删除这个 Flatten。',
  flattenUnknown:
    'Flatten 需要所有维度都已知；实际得到 {{got}}，其中 None 表示长度可变。请在 Input 中给这个轴一个固定大小。',
  flattenUnknownPool:
    'Flatten 需要所有维度都已知；实际得到 {{got}}，其中 None 表示长度可变。请把 Flatten 换成 {{pool}}（它会在这个轴上取平均），或在 Input 中给这个轴一个固定大小。',
  reshapeUnknown:
    'Reshape 无法从 {{got}} 推断 -1，因为它的长度可变（None）。请把每个目标大小都写出来，不要用 -1，或在 Input 中给出固定大小。',
  rnnFeatures:
    '{{layer}} 需要已知的特征数（最后一个轴）；实际得到 {{got}}。如果输入是词元 id，请在 {{layer}} 前面放一个 Embedding；否则请在 Input 中给最后一个轴一个固定大小。',
  unknownType: '未知的层类型 "{{type}}"：工作室无法构建它。请换成受支持的层，或将其删除。',
  needsInput: '{{type}} 需要一个输入：请把一个层连接到它。',
  needsInputs: '{{type}} 至少需要 {{count}} 个输入：请把层连接到它。',

  takesNoInputs: '{{type}} 不接受输入；它现在有 {{n}} 个。请删除一条连接。',
  takesAtMost_one: '{{type}} 最多接受 {{count}} 个输入；它现在有 {{n}} 个。请删除一条连接。',
  takesAtMost_other: '{{type}} 最多接受 {{count}} 个输入；它现在有 {{n}} 个。请删除一条连接。',
  waiting: '正在等待 {{name}}，它还没有有效的输出。',
  cycle: '{{name}} 处在一个环中：层不能把输出送回自己的输入。请删除其中一条连接。',
  selfFeed: '{{name}} 不能把输出接回自己。',
  inputTakesNone: '{{name}} 是 Input 层：它不接受传入的连接。',
  alreadyConnected: '{{source}} 已经连接到 {{target}}。',
  wouldCycle:
    '连接 {{source}} → {{target}} 会形成环：{{target}} 已经在为 {{source}} 提供输入。模型中的数据只能单向流动。',
  tooManyInputs: '{{name}} 最多接受 {{count}} 个输入；请先删除一个。',
  cannotConnect: '无法连接 {{source}} → {{target}}：{{reason}}',
  param: {
    wholeNumber: '{{name}} 必须是整数。收到的值：{{received}}',
    atLeast: '{{name}} 不能小于 {{min}}。收到的值：{{received}}',
    atMost: '{{name}} 不能大于 {{max}}。收到的值：{{received}}',
    below: '{{name}} 必须小于 {{max}}。收到的值：{{received}}',
    number: '{{name}} 必须是数字。收到的值：{{received}}',
    bool: '{{name}} 必须是 true 或 false。',
    oneOf: '{{name}} 必须是 {{options}} 之一。收到的值：{{received}}',
    oneOfLayer: '{{name}} 必须是 {{options}} 之一。',
    tuple: '{{name}} 需要 {{count}} 个整数。收到的值：{{received}}',
    valuesAtLeast: '{{name}} 的每个值都不能小于 {{min}}。收到的值：{{received}}',
    valuesAtLeastInfer: '{{name}} 的每个值都不能小于 {{min}}（或有一个 -1）。收到的值：{{received}}',
    wholeOrEmpty: '{{name}} 必须是整数或留空。收到的值：{{received}}',
    list: '{{name}} 必须是一组整数，例如 28, 28, 1。',
    listNone: '{{name}} 必须是一组整数或 None，例如 None, 28。',
    exactly: '{{name}} 正好需要 {{count}} 个数。',
    between: '{{name}} 需要 {{min}} 到 {{max}} 个数。收到的值：{{received}}',
    nameInvalid: '层名称须以字母开头，只能使用字母、数字、_ . 或 -（最多 63 个字符）。',
    nameTaken: '已经有另一个层叫“{{name}}”。',
    oneInferred: '{{name}} 最多只能包含一个 -1（自动推断的维度）。',
  },
  what: {
    'kernel size': '卷积核尺寸',
    'channel (last)': '通道（最后一个）',
    'feature (last)': '特征（最后一个）',
    last: '最后一个',
  },
  fixPrefix: '修复：{{label}}',
  fix: {
    insert: '插入 {{type}}',
    insertShape: '插入 {{type}} [{{shape}}]',
    set: '把 {{name}} 设为 {{value}}',
    clear: '清空 {{name}}',
  },
};
