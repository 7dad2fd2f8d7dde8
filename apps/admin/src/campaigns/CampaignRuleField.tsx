import { useRecordContext, useTranslate } from 'react-admin';

/** 25%（1人あたり上限 5,000円） */
export function CampaignRuleField(_props: { label?: string }) {
  const record = useRecordContext<{ awardRatePercent: number; capPerPersonYen: number }>();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{translate('resources.campaigns.rule', { rate: record.awardRatePercent, cap: record.capPerPersonYen.toLocaleString('ja-JP') })}</span>;
}
CampaignRuleField.displayName = 'CampaignRuleField';
