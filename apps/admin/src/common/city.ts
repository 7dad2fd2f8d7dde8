import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';

export interface City {
  name: string;
  /** Districts the inputs suggest; free text is still accepted (API.md). */
  districts: string[];
}

// Used until the server has answered (the demo deployment's values).
const FALLBACK: City = { name: '阿賀野市', districts: ['水原', '京ヶ瀬', '安田', '笹神'] };

/** The deployment's city, from GET /api/auth/me (fetched once per session). */
export function useCity(): City {
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data } = useQuery({
    queryKey: ['auth/me', 'city'],
    queryFn: async () => (await dataProvider.getJson<{ city?: City }>('auth/me')).city ?? FALLBACK,
    staleTime: Infinity,
  });
  return data ?? FALLBACK;
}
