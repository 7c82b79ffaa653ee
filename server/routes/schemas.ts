/** JSON-schema fragments shared by the route plugins (Fastify validates; the error handler turns failures into 400). */

const segment = { type: 'string', maxLength: 256 } as const;

/** A params schema whose listed properties are all required path segments. */
export function params(...names: string[]) {
  return {
    type: 'object',
    properties: Object.fromEntries(names.map((n) => [n, segment])),
    required: names,
  } as const;
}

/** Schema of every error body. */
export const errorBody = {
  type: 'object',
  properties: { error: { type: 'string' } },
  required: ['error'],
} as const;
