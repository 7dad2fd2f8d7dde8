import { ROLE, can, type Action, type Resource } from '@mynapoint/domain';
import { useLang } from './enums';

/** The roles allowed an action, from the permissions table, named in the UI language (the administrator last). */
export function useRolesWhoCan(resource: Resource, action: Action, separator: string): string {
  const lang = useLang();
  const roles = ROLE.values.filter((r) => can(r, resource, action)).sort((a, b) => Number(a === 'admin') - Number(b === 'admin'));
  return roles.map((r) => ROLE.label(r, lang)).join(separator);
}
