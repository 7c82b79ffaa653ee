import type { EnvSpec } from '../../envs';

/**
 * A JavaScript game loop that asks a published policy for every move (TF Serving row format): send the
 * observation, play the action with the highest output. Pure string building.
 */
export function gameLoopSnippet(spec: EnvSpec, modelName: string, origin = 'http://localhost:8080'): string {
  const shape = spec.observationShape.join(' × ');
  return [
    `// ${spec.title}: observation ${shape} (${spec.observationText}); actions: ${spec.actionNames.map((a, i) => `${i} = ${a}`).join(', ')}.`,
    `const url = '${origin}/v1/models/${modelName}:predict';`,
    `async function chooseAction(observation) {`,
    `  const res = await fetch(url, {`,
    `    method: 'POST',`,
    `    headers: { 'content-type': 'application/json', authorization: 'Bearer <inference key>' },`,
    `    body: JSON.stringify({ instances: [observation] }),`,
    `  });`,
    `  const [outputs] = (await res.json()).predictions; // ${spec.actionCount} numbers, one per action`,
    `  return outputs.indexOf(Math.max(...outputs));`,
    `}`,
    ``,
    `// Each step of your game:`,
    `let done = false;`,
    `while (!done) {`,
    `  const action = await chooseAction(game.observation());`,
    `  done = game.step(action);`,
    `}`,
  ].join('\n');
}
