/** A dimension: a positive integer, or null for a size only known at run time (the batch, a sequence length). */
export type Dim = number | null;
/** A tensor shape in Keras notation; index 0 is the batch dimension (null = None). */
export type Shape = Dim[];

/** A parameter value as it is stored in a project file (plain JSON). */
export type ParamValue = number | string | boolean | number[] | (number | null)[] | null | NestedLayer;
/** Params of one node, keyed by the spec's parameter names. */
export type Params = Record<string, ParamValue>;
/** A layer held inside a wrapper (Bidirectional, TimeDistributed). */
export interface NestedLayer {
  type: string;
  params: Params;
}

export interface XY {
  x: number;
  y: number;
}

/** What a sub-graph is in a project that trains two networks against each other (a GAN). */
export type SubgraphRole = 'generator' | 'discriminator';

/** One layer on the canvas. `type` is the Keras class name; `name` is unique in the graph. */
export interface GraphNode {
  id: string;
  type: string;
  name: string;
  params: Params;
  position: XY;
  /** The role of this node's sub-graph (set on its Input), for a GAN; absent otherwise. */
  role?: SubgraphRole;
}

/** A connection from one node's output into one of the target node's input ports. */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  targetPort: number;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}
