import { defineEnum, EnumValue } from './enum';

export const ROLE = defineEnum({
  admin: { ja: 'システム管理者', en: 'Administrator' },
  policy: { ja: '政策推進係', en: 'Policy staff' },
  counter: { ja: '窓口職員', en: 'Counter staff' },
  manager: { ja: '管理職', en: 'Manager' },
});
export type Role = EnumValue<typeof ROLE>;
