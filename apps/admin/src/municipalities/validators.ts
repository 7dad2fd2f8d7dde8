import { localGovernmentCodeProblem } from '@mynapoint/domain';
import type { DistrictRow } from './districtRows';

const T = 'resources.municipalities.validation';

// The server's check of a local government code, said before the round trip.
export const municipalityCode = (value: unknown) => {
  if (typeof value !== 'string' || !value) return undefined;
  const problem = localGovernmentCodeProblem(value.normalize('NFKC'));
  return problem ? `${T}.code_${problem}` : undefined;
};

export const districtRows = (rows: unknown) => {
  const names = ((rows as (DistrictRow | null)[] | undefined) ?? []).map((r) => r?.name?.trim()).filter(Boolean);
  return new Set(names).size === names.length ? undefined : `${T}.district_duplicate`;
};

export const phone = (value: unknown) => (typeof value === 'string' && value && !/^[0-9０-９+()（）\-‐－ ]*$/.test(value) ? `${T}.phone` : undefined);
