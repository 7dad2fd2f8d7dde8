import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';

// The shape of GET /api/stats/counter that this screen reads (see the OpenAPI document).
export interface CounterTotals {
  visits: number;
  minutes: number;
  outcomes: Record<'completed' | 'follow_up' | 'unable', number>;
  unableReasons: Record<string, number>;
}
export interface CounterStats {
  scope: 'own' | 'all';
  today: CounterTotals & { date: string };
  week: CounterTotals & { from: string; to: string };
}

/** Today's and this week's figures; `version` refetches after a save. */
export function useCounterStats(version: number): CounterStats | null {
  const dataProvider = useDataProvider<AppDataProvider>();
  const [stats, setStats] = useState<CounterStats | null>(null);
  useEffect(() => {
    let live = true;
    dataProvider
      .getJson<CounterStats>('stats/counter')
      .then((s) => live && setStats(s))
      .catch(() => live && setStats(null));
    return () => {
      live = false;
    };
  }, [dataProvider, version]);
  return stats;
}
