// The districts editor shows one row per district with its population; the API keeps
// `districts` (the order shown) and `districtPopulation` (district → residents).
export interface DistrictRow {
  name: string;
  population?: number | null;
}

export interface DistrictSettings {
  districts: string[];
  districtPopulation: Record<string, number>;
}

/** The rows for a record: its districts in order, then any district that has only a population. */
export function toDistrictRows(settings: Partial<DistrictSettings>): DistrictRow[] {
  const population = settings.districtPopulation ?? {};
  const names = [...new Set([...(settings.districts ?? []), ...Object.keys(population)])];
  return names.map((name) => ({ name, population: population[name] ?? null }));
}

/** What the API takes from the rows: blank rows dropped, names trimmed, empty populations left out. */
export function fromDistrictRows(rows: readonly (DistrictRow | null | undefined)[] | undefined): DistrictSettings {
  const districts: string[] = [];
  const districtPopulation: Record<string, number> = {};
  for (const row of rows ?? []) {
    const name = row?.name?.trim();
    if (!name || districts.includes(name)) continue;
    districts.push(name);
    const n = row?.population;
    if (typeof n === 'number' && Number.isFinite(n)) districtPopulation[name] = n;
  }
  return { districts, districtPopulation };
}

/** The form's record: the API's fields replaced by the rows. */
export function withDistrictRows<T extends Partial<DistrictSettings>>(record: T): Omit<T, keyof DistrictSettings> & { districtRows: DistrictRow[] } {
  const { districts: _d, districtPopulation: _p, ...rest } = record;
  return { ...rest, districtRows: toDistrictRows(record) };
}

/** What is sent: the rows replaced by the API's fields. */
export function withoutDistrictRows<T extends { districtRows?: DistrictRow[] }>(data: T): Omit<T, 'districtRows'> & DistrictSettings {
  const { districtRows, ...rest } = data;
  return { ...rest, ...fromDistrictRows(districtRows) };
}
