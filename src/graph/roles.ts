/**
 * Sub-graphs with roles: a GAN holds a generator and a discriminator as two disconnected sub-graphs of the
 * one graph, each starting at its own Input, marked by a `role` (set on the Input in the inspector or by a
 * template). Pure graph code: no tfjs.
 */
import type { Graph, GraphNode, SubgraphRole } from './types';

/** One connected sub-graph: its nodes, its Inputs and its outputs (nodes nothing reads from). */
export interface Subgraph {
  nodes: GraphNode[];
  inputs: GraphNode[];
  outputs: GraphNode[];
  role: SubgraphRole | null;
}

/** A role problem's code and values (entries of the UI's `objectives` catalog; src/graph has no i18n). */
export interface RoleDetail {
  code: string;
  values?: Record<string, string | number | RoleDetail[]>;
}

/** A role problem in words, with the node to select. */
export class RoleError extends Error {
  constructor(
    message: string,
    readonly nodeId: string | null = null,
    readonly detail?: RoleDetail,
  ) {
    super(message);
  }
}

/** The connected sub-graphs of a graph (edges taken both ways), in the order of their first node. */
export function subgraphs(graph: Graph): Subgraph[] {
  const parent = new Map(graph.nodes.map((n) => [n.id, n.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  for (const e of graph.edges) {
    if (parent.has(e.source) && parent.has(e.target)) parent.set(find(e.source), find(e.target));
  }
  const groups = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) {
    const root = find(n.id);
    groups.set(root, [...(groups.get(root) ?? []), n]);
  }
  const read = new Set(graph.edges.map((e) => e.source));
  return [...groups.values()].map((nodes) => ({
    nodes,
    inputs: nodes.filter((n) => n.type === 'Input'),
    outputs: nodes.filter((n) => !read.has(n.id)),
    role: nodes.find((n) => n.role)?.role ?? null,
  }));
}

/** The generator and discriminator of a GAN graph; a `RoleError` sentence (with a fix) when unclear. */
export function ganParts(graph: Graph): { generator: Subgraph; discriminator: Subgraph } {
  const parts = subgraphs(graph);
  const find = (role: SubgraphRole) => parts.filter((p) => p.role === role);
  const [gens, discs] = [find('generator'), find('discriminator')];
  const firstInput = parts.flatMap((p) => p.inputs)[0]?.id ?? null;
  if (gens.length !== 1 || discs.length !== 1) {
    const counted = `${gens.length} generator${gens.length === 1 ? '' : 's'} and ${discs.length} discriminator${discs.length === 1 ? '' : 's'}`;
    throw new RoleError(
      `A GAN needs exactly one generator and one discriminator, each its own sub-graph starting at an Input; this graph has ${counted}. Select each network's Input and set its role in the Layer tab (or open the "GAN for MNIST digits" template).`,
      firstInput,
      {
        code: 'ganRoles',
        values: {
          generators: [{ code: 'generators', values: { count: gens.length } }],
          discriminators: [{ code: 'discriminators', values: { count: discs.length } }],
        },
      },
    );
  }
  const [generator, discriminator] = [gens[0], discs[0]];
  for (const [part, name] of [
    [generator, 'generator'],
    [discriminator, 'discriminator'],
  ] as const) {
    if (part.inputs.length !== 1 || part.outputs.length !== 1)
      throw new RoleError(
        `The ${name} must have one Input and one output; it has ${part.inputs.length} Inputs and ${part.outputs.length} outputs.`,
        part.outputs[0]?.id ?? null,
        {
          code: 'partInputsOutputs',
          values: { part: [{ code: name }], inputs: part.inputs.length, outputs: part.outputs.length },
        },
      );
  }
  return { generator, discriminator };
}

/** Returns the graph with `role` set on the sub-graph of `nodeId` (on its Input), cleared from the others of that role. */
export function setRole(graph: Graph, nodeId: string, role: SubgraphRole | null): Graph {
  const part = subgraphs(graph).find((p) => p.nodes.some((n) => n.id === nodeId));
  if (!part) return graph;
  const mine = new Set(part.nodes.map((n) => n.id));
  const anchor = part.inputs[0]?.id ?? nodeId;
  return {
    ...graph,
    nodes: graph.nodes.map((n) => {
      const { role: old, ...rest } = n;
      if (n.id === anchor && role) return { ...rest, role };
      if (mine.has(n.id) || (role && old === role)) return rest;
      return n;
    }),
  };
}
