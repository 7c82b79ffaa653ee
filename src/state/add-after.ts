import { type AddAfterResult, addAfter, applyFix, freshId, GraphEditError, makeRoomBelow } from '../graph';
import { i18n } from '../i18n';
import type { StudioState } from './store';

type Set = (partial: Partial<StudioState>) => void;
type Get = () => StudioState;

/**
 * Adds a layer after the selected one (click or Enter in the palette): placed below it with room made, inserted
 * before its successor where the shapes allow. When the new layer cannot take the selected layer's output, the
 * notice says why and offers the same one-click fix as connecting by mouse.
 */
export function addAfterSelected(set: Set, get: Get, anchorId: string, type: string): string | null {
  let r: AddAfterResult;
  try {
    r = addAfter(get().graph, anchorId, type);
  } catch (e) {
    if (!(e instanceof GraphEditError)) throw e;
    get().notify({ kind: 'error', text: e.message, detail: e.detail });
    return null;
  }
  set({ graph: r.graph, selection: [r.id], notice: null });
  if (r.refused) offerFix(set, get, anchorId, r.id, r.refused);
  else if (r.notRewired !== undefined) {
    const nodes = get().graph.nodes;
    const name = (id: string) => nodes.find((n) => n.id === id)?.name ?? id;
    get().notify({
      kind: 'info',
      text: i18n.t('firstrun:addedUnconnected', { type, source: name(anchorId), reason: r.notRewired }),
    });
  }
  return r.id;
}

function offerFix(set: Set, get: Get, anchorId: string, id: string, e: GraphEditError): void {
  const fix = e.fix;
  const apply =
    fix?.kind === 'insertBefore'
      ? () => {
          // One more row of room, so the fix layer lands between the two instead of on top of either.
          const g = makeRoomBelow(get().graph, anchorId);
          const edge = { id: freshId(g, 'e'), source: anchorId, target: id, targetPort: 0 };
          try {
            set({
              graph: applyFix({ ...g, edges: [...g.edges, edge] }, id, { ...fix, port: 0 }),
              notice: null,
            });
          } catch (err) {
            if (!(err instanceof GraphEditError)) throw err;
            get().notify({ kind: 'error', text: err.message, detail: err.detail });
          }
        }
      : undefined;
  get().notify({
    kind: 'error',
    text: e.message,
    detail: e.detail,
    fix: fix && apply ? { label: fix.label, apply, edit: fix } : undefined,
  });
}
