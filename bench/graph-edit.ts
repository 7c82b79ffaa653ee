// Milliseconds per graph edit (store action + incremental shape inference) at 100 / 500 / 2000 layers,
// on a chain and on a branching graph. Prints JSON; evidence, never pass/fail.
import { performance } from 'node:perf_hooks';
import { inferGraph } from '../src/graph';
import { graphInfoOf } from '../src/state/graph-info';
import { useStudio } from '../src/state/store';

function buildChain(n: number): void {
  useStudio.setState({ graph: { nodes: [], edges: [] }, selection: [] });
  const s = useStudio.getState();
  let prev = s.addLayer('Input', { x: 0, y: 0 })!;
  s.updateParams(prev, { shape: [64] });
  for (let i = 1; i < n; i++) {
    const id = s.addLayer(i % 2 ? 'Dense' : 'Dropout', { x: 0, y: i * 100 })!;
    s.connectNodes(prev, id);
    prev = id;
  }
}

function buildBranching(n: number): void {
  useStudio.setState({ graph: { nodes: [], edges: [] }, selection: [] });
  const s = useStudio.getState();
  let trunk = s.addLayer('Input', { x: 0, y: 0 })!;
  s.updateParams(trunk, { shape: [32] });
  for (let i = 1; i + 2 < n; i += 3) {
    const a = s.addLayer('Dense', { x: -150, y: i * 100 })!;
    const b = s.addLayer('Dense', { x: 150, y: i * 100 })!;
    const m = s.addLayer('Add', { x: 0, y: i * 100 + 100 })!;
    s.updateParams(a, { units: 32 });
    s.updateParams(b, { units: 32 });
    s.connectNodes(trunk, a);
    s.connectNodes(trunk, b);
    s.connectNodes(a, m);
    s.connectNodes(b, m);
    trunk = m;
  }
}

function timeEdits(): { paramEditMs: number; renameMs: number; fullInferMs: number; nodes: number } {
  const g0 = useStudio.getState().graph;
  graphInfoOf(g0);
  const mid = g0.nodes[Math.floor(g0.nodes.length / 2)];
  const last = g0.nodes[g0.nodes.length - 1];
  const reps = 30;
  let t = performance.now();
  for (let i = 0; i < reps; i++) {
    useStudio.getState().updateParams(mid.type === 'Dense' ? mid.id : last.id, { units: 16 + (i % 8) });
    graphInfoOf(useStudio.getState().graph);
  }
  const paramEditMs = (performance.now() - t) / reps;
  t = performance.now();
  for (let i = 0; i < reps; i++) {
    useStudio.getState().renameNode(last.id, `last_${i}`);
    graphInfoOf(useStudio.getState().graph);
  }
  const renameMs = (performance.now() - t) / reps;
  t = performance.now();
  for (let i = 0; i < 5; i++) inferGraph(useStudio.getState().graph);
  const fullInferMs = (performance.now() - t) / 5;
  return { paramEditMs, renameMs, fullInferMs, nodes: g0.nodes.length };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const results: Record<string, unknown> = {};
for (const n of [100, 500, 2000]) {
  buildChain(n);
  const r = timeEdits();
  results[`chain_${n}`] = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]));
}
buildBranching(200);
results.branching_200 = Object.fromEntries(Object.entries(timeEdits()).map(([k, v]) => [k, round(v)]));
console.log(
  JSON.stringify(
    {
      bench: 'graph-edit',
      unit: 'ms per edit (store action + incremental inference); paramEdit changes a middle layer so everything downstream recomputes',
      target: '<= 10 ms per edit at 500 layers',
      results,
    },
    null,
    2,
  ),
);
