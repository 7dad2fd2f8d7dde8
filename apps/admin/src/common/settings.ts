import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';

// The deployment's own settings (GET /api/settings): the city's name for printed
// notices and reports, its districts for input suggestions. Fetched once a session.
export interface Settings {
  cityName: string;
  municipalityCode: string;
  districts: string[];
}

// Shown until the server has answered (the demo deployment's values).
const FALLBACK: Settings = { cityName: '阿賀野市', municipalityCode: '152234', districts: ['水原', '京ヶ瀬', '安田', '笹神'] };

export function useSettings(): Settings {
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data } = useQuery({
    queryKey: ['settings'],
    queryFn: () => dataProvider.getJson<Settings>('settings'),
    staleTime: Infinity,
  });
  return data ?? FALLBACK;
}
