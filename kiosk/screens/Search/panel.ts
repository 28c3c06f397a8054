/** Loads the search screen's code on first need (it stays out of the initial JS), once; a failed load may be retried. */
type PanelModule = typeof import('./SearchPanel.tsx');

let loading: Promise<PanelModule> | undefined;

export function loadPanel(): Promise<PanelModule> {
  loading ??= import('./SearchPanel.tsx').catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}
