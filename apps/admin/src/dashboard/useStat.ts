import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';

export type StatName = 'summary' | 'uptake' | 'points' | 'counter' | 'desks' | 'fraud' | 'municipalities' | 'card-uptake' | 'measures';

/** What a panel needs of a query; the same object until one of these changes, so memoised panels skip redraws. */
export interface QueryState<T> {
  data: T | undefined;
  error: Error | null;
  isPending: boolean;
  refetch: () => unknown;
}

/**
 * One stats endpoint through the dataProvider. Every panel's query starts at once
 * (react-query runs them in parallel); a panel the role may not see is never asked
 * for (`enabled`), so the server's 403 is never met.
 */
export function useStat<T>(name: StatName, query: Record<string, string | number | undefined>, enabled: boolean): QueryState<T> {
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data, error, isPending, refetch } = useQuery({
    queryKey: ['dashboard', name, query],
    queryFn: () => dataProvider.getJson<T>(`stats/${name}`, query),
    enabled,
    staleTime: 30_000,
    retry: false,
  });
  return useMemo(() => ({ data, error, isPending, refetch }), [data, error, isPending, refetch]);
}
