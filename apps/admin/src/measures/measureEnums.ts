// The measure's closed sets come from the domain (libs/domain/src/measures.ts), shared
// with the API; re-exported here for the admin's measure pages.
export { BUDGET_WARN_AT_PERCENT, FUNDED_BY, MEASURE_ELIGIBILITY, MEASURE_KIND } from '@mynapoint/domain';
export type { FundedBy, MeasureEligibility, MeasureKind } from '@mynapoint/domain';
