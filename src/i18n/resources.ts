/**
 * Every message catalog, one namespace per feature (`common`, `train`, `generate` …). A feature adds its pair of
 * files under `locales/en/` and `locales/zh-CN/` and one line to each object below.
 */
import type { Messages } from './types';
import { common as enCommon } from './locales/en/common';
import { common as zhCommon } from './locales/zh-CN/common';
import { firstrun as enFirstrun } from './locales/en/firstrun';
import { firstrun as zhFirstrun } from './locales/zh-CN/firstrun';
import { app as enApp } from './locales/en/app';
import { app as zhApp } from './locales/zh-CN/app';
import { layers as enLayers } from './locales/en/layers';
import { layers as zhLayers } from './locales/zh-CN/layers';
import { shapes as enShapes } from './locales/en/shapes';
import { shapes as zhShapes } from './locales/zh-CN/shapes';
import { palette as enPalette } from './locales/en/palette';
import { palette as zhPalette } from './locales/zh-CN/palette';
import { canvas as enCanvas } from './locales/en/canvas';
import { canvas as zhCanvas } from './locales/zh-CN/canvas';
import { inspector as enInspector } from './locales/en/inspector';
import { inspector as zhInspector } from './locales/zh-CN/inspector';
import { summary as enSummary } from './locales/en/summary';
import { summary as zhSummary } from './locales/zh-CN/summary';
import { data as enData } from './locales/en/data';
import { data as zhData } from './locales/zh-CN/data';
import { train as enTrain } from './locales/en/train';
import { train as zhTrain } from './locales/zh-CN/train';
import { play as enPlay } from './locales/en/play';
import { play as zhPlay } from './locales/zh-CN/play';
import { audio as enAudio } from './locales/en/audio';
import { audio as zhAudio } from './locales/zh-CN/audio';
import { charts as enCharts } from './locales/en/charts';
import { charts as zhCharts } from './locales/zh-CN/charts';
import { evaluate as enEvaluate } from './locales/en/evaluate';
import { evaluate as zhEvaluate } from './locales/zh-CN/evaluate';
import { publish as enPublish } from './locales/en/publish';
import { publish as zhPublish } from './locales/zh-CN/publish';
import { exportText as enExport } from './locales/en/export';
import { exportText as zhExport } from './locales/zh-CN/export';
import { generate as enGenerate } from './locales/en/generate';
import { generate as zhGenerate } from './locales/zh-CN/generate';
import { domains as enDomains } from './locales/en/domains';
import { domains as zhDomains } from './locales/zh-CN/domains';
import { dataErrors as enDataErrors } from './locales/en/dataErrors';
import { dataErrors as zhDataErrors } from './locales/zh-CN/dataErrors';
import { objectives as enObjectives } from './locales/en/objectives';
import { objectives as zhObjectives } from './locales/zh-CN/objectives';

export const en = {
  dataErrors: enDataErrors,
  objectives: enObjectives,
  domains: enDomains,
  firstrun: enFirstrun,
  generate: enGenerate,
  export: enExport,
  publish: enPublish,
  audio: enAudio,
  evaluate: enEvaluate,
  charts: enCharts,
  train: enTrain,
  play: enPlay,
  data: enData,
  summary: enSummary,
  inspector: enInspector,
  canvas: enCanvas,
  palette: enPalette,
  shapes: enShapes,
  layers: enLayers,
  app: enApp,
  common: enCommon,
};

export const zhCN: { [N in keyof typeof en]: Messages<(typeof en)[N]> } = {
  dataErrors: zhDataErrors,
  objectives: zhObjectives,
  domains: zhDomains,
  firstrun: zhFirstrun,
  generate: zhGenerate,
  export: zhExport,
  publish: zhPublish,
  audio: zhAudio,
  evaluate: zhEvaluate,
  charts: zhCharts,
  train: zhTrain,
  play: zhPlay,
  data: zhData,
  summary: zhSummary,
  inspector: zhInspector,
  canvas: zhCanvas,
  palette: zhPalette,
  shapes: zhShapes,
  layers: zhLayers,
  app: zhApp,
  common: zhCommon,
};

/** The languages the studio speaks, with their own names (shown in the language switch). */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'zh-CN', name: '简体中文' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

export const resources = { en, 'zh-CN': zhCN } as const;
