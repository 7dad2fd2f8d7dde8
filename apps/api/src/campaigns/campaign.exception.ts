import { defineDomainException } from '../common/errors/domain.exception';

export enum CampaignError {
  NotFound = 'campaign_not_found',
  DuplicateName = 'campaign_duplicate_name',
  PeriodOrder = 'campaign_period_order',
  CapBelowAwarded = 'campaign_cap_below_awarded',
  InUse = 'campaign_in_use',
  National = 'campaign_national',
}

export class CampaignException extends defineDomainException<CampaignError>({
  [CampaignError.NotFound]: 404,
  [CampaignError.DuplicateName]: 409,
  [CampaignError.PeriodOrder]: 400,
  [CampaignError.CapBelowAwarded]: 409,
  [CampaignError.InUse]: 409,
  [CampaignError.National]: 403,
}) {}
