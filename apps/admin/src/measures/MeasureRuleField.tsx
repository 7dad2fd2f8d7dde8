import { useRecordContext, useTranslate } from 'react-admin';

/** 「25%（1人あたり上限 5,000円）」 or 「定額 7,500円（1人1回）」. */
export function MeasureRuleField(_props: { label?: string; source?: string }) {
  const translate = useTranslate();
  const m = useRecordContext<{ kind?: string; ratePercent?: number | null; capPerPersonYen?: number | null; fixedAmountYen?: number | null }>();
  if (!m) return null;
  const yen = (n: number | null | undefined) => (n ?? 0).toLocaleString('ja-JP');
  return (
    <span>
      {m.kind === 'fixed_amount'
        ? translate('resources.measures.rule.fixed', { amount: yen(m.fixedAmountYen) })
        : translate('resources.measures.rule.rate', { rate: m.ratePercent ?? 0, cap: yen(m.capPerPersonYen) })}
    </span>
  );
}
MeasureRuleField.displayName = 'MeasureRuleField';
