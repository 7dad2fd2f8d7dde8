import { INSTALLATION, currentTenant } from './tenant';

// Payment services and campaigns are reference data: a national row (municipality_code
// NULL) is the operator's, read by every municipality; a municipality's own row is its
// own. Row-level security already keeps a municipality's UPDATE/DELETE off national rows
// (it would change nothing); the services ask this first so the caller, who can see the
// row, hears why (403) instead of a silent no-op.
export function isNationalLockedForCaller(record: { national?: unknown }): boolean {
  return record.national === true && currentTenant()?.municipalityCode !== INSTALLATION;
}
