import { Foundation1764000000000 } from './1764000000000-foundation';
import { Uptake1764000100000 } from './1764000100000-uptake';
import { ImportJobs1764000210000 } from './1764000210000-import-jobs';
import { FraudAlerts1764000500000 } from './1764000500000-fraud-alerts';
import { AssistanceRecords1764000600000 } from './1764000600000-assistance-records';
import { StatsRollups1764000700000 } from './1764000700000-stats-rollups';
import { Security1764000800000 } from './1764000800000-security';
import { AwardLedgerChecks1764001000000 } from './1764001000000-award-ledger-checks';
import { UptakeReferenceChecks1764001010000 } from './1764001010000-uptake-reference-checks';
import { ListIndexes1764001100000 } from './1764001100000-list-indexes';
import { CounterCityStats1764001200000 } from './1764001200000-counter-city-stats';
import { ParticipantListCopies1764001300000 } from './1764001300000-participant-list-copies';
import { FraudDailyStats1764001400000 } from './1764001400000-fraud-daily-stats';
import { AssistanceStaffOrderIndex1764001500000 } from './1764001500000-assistance-staff-order-index';
import { MonthlyStats1764001600000 } from './1764001600000-monthly-stats';
import { QuotaUnitFunctions1764001700000 } from './1764001700000-quota-unit-functions';
import { PaymentServiceReadings1764001716000 } from './1764001716000-payment-service-readings';
import { ApplicationDeletions1764001720000 } from './1764001720000-application-deletions';
import { Municipalities1764001800000 } from './1764001800000-municipalities';
import { RemoveMunicipalityData1764001810000 } from './1764001810000-remove-municipality-data';
import { ReferenceRowLocks1764001820000 } from './1764001820000-reference-row-locks';
import { PrefectureReferenceRead1764001850000 } from './1764001850000-prefecture-reference-read';
import { NationalCampaignFunctions1764001860000 } from './1764001860000-national-campaign-functions';
import { ReferenceChecksByMunicipality1764001870000 } from './1764001870000-reference-checks-by-municipality';
import { OperatorPolicyNotPrefecture1764001880000 } from './1764001880000-operator-policy-not-prefecture';
import { SignIn1764002200000 } from './1764002200000-sign-in';
import { UptakeMonthlyStats1764002250000 } from './1764002250000-uptake-monthly-stats';
import { SupportDesks1764002500000 } from './1764002500000-support-desks';
import { CardUptake1764002000000 } from './1764002000000-card-uptake';
import { TenantListIndexes1764001890000 } from './1764001890000-tenant-list-indexes';
import { Measures1764002300000 } from './1764002300000-measures';
import { CounterRoundTwo1764002400000 } from './1764002400000-counter-round-two';
import { AuthChangeNotices1764002600000 } from './1764002600000-auth-change-notices';
import { RateLimits1764002610000 } from './1764002610000-rate-limits';
import { MeasureStats1764002620000 } from './1764002620000-measure-stats';

// Every migration, in order. Schema changes only ever happen here (never synchronize).
export const MIGRATIONS = [
  Foundation1764000000000,
  Uptake1764000100000,
  ImportJobs1764000210000,
  FraudAlerts1764000500000,
  AssistanceRecords1764000600000,
  StatsRollups1764000700000,
  Security1764000800000,
  AwardLedgerChecks1764001000000,
  UptakeReferenceChecks1764001010000,
  ListIndexes1764001100000,
  CounterCityStats1764001200000,
  ParticipantListCopies1764001300000,
  FraudDailyStats1764001400000,
  AssistanceStaffOrderIndex1764001500000,
  MonthlyStats1764001600000,
  QuotaUnitFunctions1764001700000,
  PaymentServiceReadings1764001716000,
  ApplicationDeletions1764001720000,
  Municipalities1764001800000,
  RemoveMunicipalityData1764001810000,
  ReferenceRowLocks1764001820000,
  PrefectureReferenceRead1764001850000,
  NationalCampaignFunctions1764001860000,
  ReferenceChecksByMunicipality1764001870000,
  OperatorPolicyNotPrefecture1764001880000,
  SignIn1764002200000,
  CardUptake1764002000000,
  TenantListIndexes1764001890000,
  UptakeMonthlyStats1764002250000,
  SupportDesks1764002500000,
  Measures1764002300000,
  CounterRoundTwo1764002400000,
  AuthChangeNotices1764002600000,
  RateLimits1764002610000,
  MeasureStats1764002620000,
];
