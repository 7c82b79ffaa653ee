/**
 * Every message catalog, one namespace per feature (`common`, `train`, `generate` …). A feature adds its pair of
 * files under `locales/en/` and `locales/zh-CN/` and one line to each object below.
 */
import type { Messages } from './types';
import { common as enCommon } from './locales/en/common';
import { common as zhCommon } from './locales/zh-CN/common';

export const en = {
  common: enCommon,
};

export const zhCN: { [N in keyof typeof en]: Messages<(typeof en)[N]> } = {
  common: zhCommon,
};

/** The languages the studio speaks, with their own names (shown in the language switch). */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'zh-CN', name: '简体中文' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

export const resources = { en, 'zh-CN': zhCN } as const;
