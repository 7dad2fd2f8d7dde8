import type { Role } from './roles';

// Payment services and campaigns are reference data: a national row (`national: true`,
// no municipality code) is kept by the operator and read by every municipality, which
// may not change it; a municipality's own rows are its own to change. The API refuses
// (403); the admin UI hides the buttons.
export function mayChangeReferenceRow(role: Role | null | undefined, record: { national?: unknown } | null | undefined): boolean {
  return record?.national !== true || role === 'operator';
}
