import { withoutDistrictRows, type DistrictRow } from './districtRows';

interface FirstAdmin {
  username?: string;
  displayName?: string;
  password?: string;
}

/** The form's values as the API takes them: the district rows as two fields, no empty first admin. */
export function toApi(data: { districtRows?: DistrictRow[] } & Record<string, unknown>) {
  const { firstAdmin, code, ...rest } = withoutDistrictRows(data) as Record<string, unknown> & { firstAdmin?: FirstAdmin };
  const admin = firstAdmin && (firstAdmin.username || firstAdmin.displayName || firstAdmin.password) ? { firstAdmin } : {};
  // Full-width digits typed with the IME count as the same code.
  return { ...rest, ...(typeof code === 'string' ? { code: code.normalize('NFKC') } : {}), ...admin };
}
