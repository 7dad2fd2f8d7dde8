import { defineListSpec } from '../common/list/list-spec';

export const campaignsListSpec = defineListSpec({
  resource: 'campaigns',
  from: 'campaigns c',
  fields: {
    id: { sql: 'c.id', kind: 'int' },
    name: { sql: 'c.name', kind: 'text' },
    reservationOpensOn: { sql: 'c.reservation_opens_on', kind: 'date' },
    reservationClosesOn: { sql: 'c.reservation_closes_on', kind: 'date' },
    applicationOpensOn: { sql: 'c.application_opens_on', kind: 'date' },
    applicationClosesOn: { sql: 'c.application_closes_on', kind: 'date' },
    earningStartsOn: { sql: 'c.earning_starts_on', kind: 'date' },
    earningEndsOn: { sql: 'c.earning_ends_on', kind: 'date' },
    awardRatePercent: { sql: 'c.award_rate_percent', kind: 'int' },
    capPerPersonYen: { sql: 'c.cap_per_person_yen', kind: 'int' },
    createdAt: { sql: 'c.created_at', kind: 'instant' },
    updatedAt: { sql: 'c.updated_at', kind: 'instant' },
  },
  search: ['c.name'],
  defaultSort: ['reservationOpensOn', 'DESC'],
});

export type CampaignRecord = Record<keyof typeof campaignsListSpec.fields, unknown>;
