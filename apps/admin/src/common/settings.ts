import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';

// The signed-in user's municipality (GET /api/settings): its name for the header and
// printed notices, its districts for input suggestions, its contact for notices.
// Fetched once a session (signing out clears it); saving 自治体の設定 refreshes it.
export interface Settings {
  /** Null for the installation's accounts (operator, prefecture). */
  cityName: string | null;
  municipalityCode: string | null;
  prefectureCode: string | null;
  districts: string[];
  districtPopulation: Record<string, number>;
  contactPhone: string | null;
  contactEmail: string | null;
}

export const SETTINGS_QUERY_KEY = ['settings'];

// Until the server has answered: nothing to show rather than another municipality's name.
const EMPTY: Settings = { cityName: null, municipalityCode: null, prefectureCode: null, districts: [], districtPopulation: {}, contactPhone: null, contactEmail: null };

export function useSettings(): Settings {
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data } = useQuery({
    queryKey: SETTINGS_QUERY_KEY,
    queryFn: () => dataProvider.getJson<Settings>('settings'),
    staleTime: Infinity,
  });
  return data ?? EMPTY;
}
