import { defineEnum, EnumValue } from './enum';

/** Who checks a user's password: this system (a bcrypt hash) or the city's directory (LDAP / Active Directory). */
export const AUTH_SOURCE = defineEnum({
  local: { ja: 'ローカル', en: 'Local' },
  directory: { ja: 'ディレクトリ', en: 'Directory' },
});
export type AuthSource = EnumValue<typeof AUTH_SOURCE>;
