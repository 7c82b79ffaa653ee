import type { TFunction } from 'i18next';
import type { EnvSpec } from '../../envs';

/** A game's name, observation and actions in the person's language (values for the `play` catalog). */
export function gameWords(t: TFunction<'play'>, spec: EnvSpec) {
  return {
    game: t(`games.${spec.id}`),
    shape: `(${spec.observationShape.join(', ')})`,
    what: t(`observation.${spec.id}`),
    count: spec.actionCount,
    actions: t(`actions.${spec.id}`),
  };
}
