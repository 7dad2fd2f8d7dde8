// The dashboard's readiness, as its root's data-dashboard-ready attribute: "true"
// once every visible panel has drawn its chart (or its empty state), "error" once
// all have settled and one failed, "false" before. Pure, so its rule has a spec.

export type PanelState = 'loading' | 'ready' | 'error';

export function dashboardReadiness(visible: readonly string[] | null, problem: string | null, states: ReadonlyMap<string, PanelState>): 'true' | 'false' | 'error' {
  if (!visible || problem) return 'false';
  if (!visible.every((id) => states.get(id) === 'ready' || states.get(id) === 'error')) return 'false';
  return visible.some((id) => states.get(id) === 'error') ? 'error' : 'true';
}
