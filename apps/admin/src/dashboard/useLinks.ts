import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { dashboardLinks, LINK_RESOURCE, type LinkScope } from './links';

export type LinkKind = keyof typeof dashboardLinks;

export interface DashboardLinks {
  /** The list address, or undefined when the role may not list that resource. */
  path: (kind: LinkKind, scope: LinkScope, extra?: Record<string, unknown>) => string | undefined;
  /** A click handler's target: undefined (no click) when the role may not list it. */
  opener: <A extends unknown[]>(kind: LinkKind, target: (...args: A) => { scope: LinkScope; extra?: Record<string, unknown> }) => ((...args: A) => void) | undefined;
}

/** Links from figures to the lists behind them, only to lists the role may open. */
export function useDashboardLinks(mayList: Record<string, boolean> | undefined): DashboardLinks {
  const navigate = useNavigate();
  const allowed = useCallback((kind: LinkKind) => Boolean(mayList?.[LINK_RESOURCE[kind]]), [mayList]);
  const path = useCallback<DashboardLinks['path']>((kind, scope, extra) => (allowed(kind) ? dashboardLinks[kind](scope, extra) : undefined), [allowed]);
  const opener = useCallback<DashboardLinks['opener']>(
    (kind, target) =>
      allowed(kind)
        ? (...args) => {
            const { scope, extra } = target(...args);
            navigate(dashboardLinks[kind](scope, extra));
          }
        : undefined,
    [allowed, navigate],
  );
  return useMemo(() => ({ path, opener }), [path, opener]);
}
