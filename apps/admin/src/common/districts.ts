import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';

// The city's district list (server setting), for suggestions in district inputs.
// Read once per page load; free text stays allowed.
let cached: Promise<string[]> | null = null;

export function useDistricts(): string[] {
  const dataProvider = useDataProvider<AppDataProvider>();
  const [districts, setDistricts] = useState<string[]>([]);
  useEffect(() => {
    cached ??= dataProvider.getJson<{ districts: string[] }>('settings').then((s) => s.districts, () => ((cached = null), []));
    let alive = true;
    void cached.then((d) => alive && setDistricts(d));
    return () => {
      alive = false;
    };
  }, [dataProvider]);
  return districts;
}
