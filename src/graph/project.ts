import type { Graph, GraphEdge, GraphNode } from './types';

export const PROJECT_FORMAT = 'model-studio/project';
export const PROJECT_VERSION = 1;

/** One project: the graph plus the dataset, training settings and runs that other modules own. */
export interface ProjectDoc {
  format: typeof PROJECT_FORMAT;
  version: typeof PROJECT_VERSION;
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  graph: Graph;
  dataset: unknown;
  training: unknown;
  runs: unknown[];
}

/** The outcome of reading a file: a project, or a sentence saying why not. */
export type ParseResult = { ok: true; project: ProjectDoc } | { ok: false; error: string };

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A new, empty project. */
export function newProject(id: string, name: string, graph: Graph = { nodes: [], edges: [] }): ProjectDoc {
  const now = new Date().toISOString();
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    id,
    name,
    createdAt: now,
    updatedAt: now,
    graph,
    dataset: null,
    training: null,
    runs: [],
  };
}

/**
 * Upgrades an older document to the current version. Version 0 was a bare `{nodes, edges}` graph export with
 * `layer` instead of `type` and `inputs` arrays instead of edges.
 */
export function migrate(doc: unknown): unknown {
  if (isObj(doc) && doc.format === undefined && Array.isArray(doc.nodes)) {
    const nodes = doc.nodes as Record<string, unknown>[];
    const edges: GraphEdge[] = [];
    for (const n of nodes) {
      const ins = Array.isArray(n.inputs) ? (n.inputs as unknown[]) : [];
      ins.forEach((src, port) => {
        edges.push({
          id: `e${edges.length + 1}`,
          source: String(src),
          target: String(n.id),
          targetPort: port,
        });
      });
    }
    const graph = {
      nodes: nodes.map((n, i) => ({
        id: String(n.id),
        type: String(n.type ?? n.layer),
        name: String(n.name ?? n.id),
        params: isObj(n.params) ? n.params : {},
        position: isObj(n.position) ? n.position : { x: 0, y: i * 110 },
      })),
      edges: Array.isArray(doc.edges) ? doc.edges : edges,
    };
    return {
      ...newProject('imported', 'Imported graph', graph as unknown as Graph),
      version: PROJECT_VERSION,
    };
  }
  return doc;
}

/** Reads a project file's text; never throws, and explains what is wrong with a broken or foreign file. */
export function parseProject(text: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not valid JSON, so it is not a Model Studio project.' };
  }
  if (isObj(raw) && raw.format !== undefined && raw.format !== PROJECT_FORMAT)
    return {
      ok: false,
      error: `This file is a "${String(raw.format)}" document, not a Model Studio project.`,
    };
  if (isObj(raw) && typeof raw.version === 'number' && raw.version > PROJECT_VERSION)
    return {
      ok: false,
      error: `This project was saved by a newer Model Studio (format version ${raw.version}); update the studio to open it.`,
    };
  const doc = migrate(raw);
  if (!isObj(doc) || doc.format !== PROJECT_FORMAT)
    return { ok: false, error: 'This file is not a Model Studio project (its "format" is missing).' };
  const problem = graphProblem(doc.graph);
  if (problem) return { ok: false, error: `This project file is damaged: ${problem}` };
  return {
    ok: true,
    project: {
      ...newProject(String(doc.id ?? 'imported'), String(doc.name ?? 'Imported project'), doc.graph as Graph),
      createdAt: typeof doc.createdAt === 'string' ? doc.createdAt : new Date().toISOString(),
      dataset: doc.dataset ?? null,
      training: doc.training ?? null,
      runs: Array.isArray(doc.runs) ? doc.runs : [],
    },
  };
}

/** The first structural problem of a graph, as a sentence; null when it is well formed. */
export function graphProblem(g: unknown): string | null {
  if (!isObj(g) || !Array.isArray(g.nodes) || !Array.isArray(g.edges))
    return 'it has no graph with nodes and edges.';
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const n of g.nodes as unknown[]) {
    if (!isNode(n)) return 'a layer is missing its id, type, name, params or position.';
    if (ids.has(n.id)) return `two layers share the id "${n.id}".`;
    if (names.has(n.name)) return `two layers share the name "${n.name}".`;
    ids.add(n.id);
    names.add(n.name);
  }
  const edgeIds = new Set<string>();
  for (const e of g.edges as unknown[]) {
    if (!isEdge(e)) return 'a connection is missing its id, source, target or port.';
    if (edgeIds.has(e.id)) return `two connections share the id "${e.id}".`;
    edgeIds.add(e.id);
    if (!ids.has(e.source) || !ids.has(e.target))
      return `connection "${e.id}" points at a layer that does not exist.`;
  }
  return null;
}

function isNode(n: unknown): n is GraphNode {
  return (
    isObj(n) &&
    typeof n.id === 'string' &&
    typeof n.type === 'string' &&
    typeof n.name === 'string' &&
    isObj(n.params) &&
    isObj(n.position) &&
    Number.isFinite(n.position.x) &&
    Number.isFinite(n.position.y)
  );
}

function isEdge(e: unknown): e is GraphEdge {
  return (
    isObj(e) &&
    typeof e.id === 'string' &&
    typeof e.source === 'string' &&
    typeof e.target === 'string' &&
    Number.isInteger(e.targetPort) &&
    (e.targetPort as number) >= 0
  );
}

/** Serialises a project for download. */
export function serializeProject(doc: ProjectDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
