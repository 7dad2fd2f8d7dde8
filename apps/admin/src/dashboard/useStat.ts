import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';

export type StatName = 'summary' | 'uptake' | 'points' | 'counter' | 'fraud';

/**
 * One stats endpoint through the dataProvider. Every panel's query starts at once
 * (react-query runs them in parallel); a panel the role may not see is never asked
 * for (`enabled`), so the server's 403 is never met.
 */
export function useStat<T>(name: StatName, query: Record<string, string | number | undefined>, enabled: boolean): UseQueryResult<T> {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['dashboard', name, query],
    queryFn: () => dataProvider.getJson<T>(`stats/${name}`, query),
    enabled,
    staleTime: 30_000,
    retry: false,
  });
}
