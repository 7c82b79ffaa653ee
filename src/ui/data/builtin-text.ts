import { BUILTINS, builtinInfo } from '../../data';

import { translateOr } from '../../i18n';

/** A built-in dataset's name in the UI language (English where the catalog has no matching entry). */
export function builtinName(id: string): string {
  return translateOr(`data:builtin.${id}.name`, builtinInfo(id as never).name);
}

/** A loaded dataset's name in the UI language: a built-in's by its catalog entry, an upload's file name as is. */
export function datasetName(name: string): string {
  const builtin = BUILTINS.find((b) => b.name === name);
  return builtin ? builtinName(builtin.id) : name;
}

/** A built-in dataset's description in the UI language. */
export function builtinDescription(id: string): string {
  return translateOr(`data:builtin.${id}.description`, builtinInfo(id as never).description);
}
