import { defineEnum, EnumValue } from './enum';

export const ROLE = defineEnum({
  admin: { ja: 'システム管理者', en: 'Administrator' },
  policy: { ja: '政策推進係', en: 'Policy staff' },
  counter: { ja: '窓口職員', en: 'Counter staff' },
  manager: { ja: '管理職', en: 'Manager' },
  operator: { ja: '運用事業者', en: 'Operator' },
  prefecture: { ja: '都道府県', en: 'Prefecture' },
});
export type Role = EnumValue<typeof ROLE>;

/** The roles of a municipality's staff; operator and prefecture accounts belong to the installation. */
export const MUNICIPALITY_ROLES = ['admin', 'policy', 'counter', 'manager'] as const satisfies readonly Role[];
export const INSTALLATION_ROLES = ['operator', 'prefecture'] as const satisfies readonly Role[];

export function isInstallationRole(role: Role): boolean {
  return (INSTALLATION_ROLES as readonly Role[]).includes(role);
}
