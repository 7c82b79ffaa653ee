/** A graph the compiler refuses, or a layer TF.js could not build; names the node so the canvas can point at it. */
export class CompileError extends Error {
  /** The node to highlight, or null when the problem is the graph as a whole. */
  readonly nodeId: string | null;
  constructor(message: string, nodeId: string | null = null) {
    super(message);
    this.name = 'CompileError';
    this.nodeId = nodeId;
  }
}

/** A model file the importer cannot read; the message is meant for the person who chose the file. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** The first sentence of a TF.js error, without its stack or internal prefixes, for use inside our own sentence. */
export function tfjsReason(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  const firstLine = raw.split('\n')[0].trim();
  const cleaned = firstLine
    .replace(/^(Error|ValueError|TypeError|NotImplementedError|RuntimeError):\s*/, '')
    .replace(/[.\s]+$/, '');
  return cleaned.length > 240 ? `${cleaned.slice(0, 237)}…` : cleaned;
}
