import { temporal } from 'zundo';
import { create } from 'zustand';
import type { Fix, Graph, MessageCode, Params, XY } from '../graph';
import type { RunRecord, TrainingConfig } from '../train/types';
import { addAfterSelected } from './add-after';
import {
  addNode,
  applyFix,
  connect,
  EMPTY_GRAPH,
  extractFragment,
  GraphEditError,
  incomingEdges,
  moveNodes,
  pasteFragment,
  removeEdges,
  removeNodes,
  renameNode,
  updateParams,
} from '../graph';

/** A message shown where the person is looking (over the canvas), with an optional one-click fix. */
export interface Notice {
  kind: 'error' | 'info';
  text: string;
  /** The text as a code and values, so that the UI can say it in its language. */
  detail?: MessageCode;
  /** `edit` is the graph edit the fix makes, so that the UI can name it in its language. */
  fix?: { label: string; apply: () => void; edit?: Fix };
}

export interface GraphSlice {
  graph: Graph;
  /** Replaces the whole graph (template, import, layout) as one undo step. */
  setGraph(graph: Graph): void;
  addLayer(type: string, position?: XY): string | null;
  connectNodes(source: string, target: string): boolean;
  removeNodes(ids: string[]): void;
  removeEdges(ids: string[]): void;
  updateParams(id: string, patch: Params): void;
  renameNode(id: string, name: string): string | null;
  moveNodes(positions: Record<string, XY>): void;
  applyFix(nodeId: string, fix: Fix): void;
  copy(): void;
  paste(): void;
  duplicate(): void;
}

export interface UiSlice {
  selection: string[];
  notice: Notice | null;
  clipboard: Graph | null;
  select(ids: string[]): void;
  notify(notice: Notice | null): void;
}

export interface ProjectSlice {
  projectId: string | null;
  projectName: string;
  /** Dataset choice and preprocessing (owned by src/data; plain JSON). */
  dataset: unknown;
  /** Training settings (owned by src/train; plain JSON). */
  training: TrainingConfig | null;
  /** Recorded training runs (plain JSON), saved with the project. */
  runs: RunRecord[];
  setDataset(dataset: unknown): void;
  setTraining(training: TrainingConfig | null): void;
  setRuns(runs: RunRecord[]): void;
  setProjectName(name: string): void;
}

export type StudioState = GraphSlice & UiSlice & ProjectSlice;

type Set = (partial: Partial<StudioState> | ((s: StudioState) => Partial<StudioState>)) => void;
type Get = () => StudioState;

/** Runs a graph edit; a refused edit becomes a notice instead of an exception. */
function edit(set: Set, get: Get, f: (g: Graph) => Graph): boolean {
  try {
    set({ graph: f(get().graph), notice: null });
    return true;
  } catch (e) {
    if (!(e instanceof GraphEditError)) throw e;
    get().notify({ kind: 'error', text: e.message, detail: e.detail });
    return false;
  }
}

function graphSlice(set: Set, get: Get): GraphSlice {
  return {
    graph: EMPTY_GRAPH,
    setGraph: (graph) => set({ graph, selection: [], notice: null }),
    addLayer: (type, position) => {
      const { graph, selection } = get();
      const anchor = graph.nodes.find((n) => n.id === selection[selection.length - 1]);
      // With a layer selected, a click or Enter inserts after it (see addAfter); else it goes where it is put.
      if (!position && anchor) return addAfterSelected(set, get, anchor.id, type);
      let id: string | null = null;
      edit(set, get, (g) => {
        const added = addNode(g, type, position ?? freeSpot(graph));
        id = added.id;
        return added.graph;
      });
      if (id) set({ selection: [id] });
      return id;
    },
    connectNodes: (source, target) => connectWithFix(set, get, source, target),
    removeNodes: (ids) => {
      edit(set, get, (g) => removeNodes(g, ids));
      set({ selection: get().selection.filter((s) => !ids.includes(s)) });
    },
    removeEdges: (ids) => void edit(set, get, (g) => removeEdges(g, ids)),
    updateParams: (id, patch) => void edit(set, get, (g) => updateParams(g, id, patch)),
    renameNode: (id, name) => {
      try {
        set({ graph: renameNode(get().graph, id, name) });
        return null;
      } catch (e) {
        if (e instanceof GraphEditError) return e.message;
        throw e;
      }
    },
    moveNodes: (positions) => set({ graph: moveNodes(get().graph, positions) }),
    applyFix: (nodeId, fix) => void edit(set, get, (g) => applyFix(g, nodeId, fix)),
    copy: () => {
      const { graph, selection } = get();
      if (selection.length) set({ clipboard: extractFragment(graph, selection) });
    },
    paste: () => {
      const clip = get().clipboard;
      if (!clip) return;
      let ids: string[] = [];
      edit(set, get, (g) => {
        const r = pasteFragment(g, clip, { x: 40, y: 40 });
        ids = r.ids;
        return r.graph;
      });
      set({ selection: ids });
    },
    duplicate: () => {
      get().copy();
      get().paste();
    },
  };
}

/** Connects, and when the shape is impossible offers "connect through <fix layer>" as the one-click fix. */
function connectWithFix(set: Set, get: Get, source: string, target: string): boolean {
  try {
    set({ graph: connect(get().graph, source, target), notice: null });
    return true;
  } catch (e) {
    if (!(e instanceof GraphEditError)) throw e;
    const fix = e.fix;
    const apply =
      fix?.kind === 'insertBefore'
        ? () => {
            const g = get().graph;
            const port = incomingEdges(g).get(target)?.length ?? 0;
            const withEdge = {
              ...g,
              edges: [...g.edges, { id: `tmp-${Date.now()}`, source, target, targetPort: port }],
            };
            edit(set, get, () => applyFix(withEdge, target, { ...fix, port }));
          }
        : undefined;
    get().notify({
      kind: 'error',
      text: e.message,
      detail: e.detail,
      fix: fix && apply ? { label: fix.label, apply, edit: fix } : undefined,
    });

    return false;
  }
}

function freeSpot(graph: Graph): XY {
  if (!graph.nodes.length) return { x: 0, y: 0 };
  const maxY = Math.max(...graph.nodes.map((n) => n.position.y));
  const last = graph.nodes.find((n) => n.position.y === maxY)!;
  return { x: last.position.x, y: maxY + 110 };
}

/** The studio's one store: graph (with undo), UI state and the project's other parts. */
export const useStudio = create<StudioState>()(
  temporal(
    (set, get) => ({
      ...graphSlice(set, get),
      selection: [],
      notice: null,
      clipboard: null,
      select: (ids) => set({ selection: ids }),
      notify: (notice) => set({ notice }),
      projectId: null,
      projectName: 'Untitled project',
      dataset: null,
      training: null,
      runs: [],
      setDataset: (dataset) => set({ dataset }),
      setTraining: (training) => set({ training }),
      setRuns: (runs) => set({ runs }),
      setProjectName: (projectName) => set({ projectName }),
    }),
    {
      // Undo covers graph edits only; moving a node is not an undo step (positions are ignored when comparing).
      partialize: (s) => ({ graph: s.graph }),
      equality: (a, b) => sameStructure(a.graph, b.graph),
      limit: 200,
    },
  ),
);

function sameStructure(a: Graph, b: Graph): boolean {
  if (a === b) return true;
  if (a.nodes.length !== b.nodes.length || a.edges !== b.edges) return false;
  return a.nodes.every((n, i) => {
    const m = b.nodes[i];
    return n.id === m.id && n.name === m.name && n.type === m.type && n.params === m.params;
  });
}

/** Undo the last graph edit. */
export const undo = () => useStudio.temporal.getState().undo();
/** Redo the last undone graph edit. */
export const redo = () => useStudio.temporal.getState().redo();
