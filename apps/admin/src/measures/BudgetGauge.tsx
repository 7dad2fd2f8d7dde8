import BlockIcon from '@mui/icons-material/Block';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlined';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { budgetGaugeView, type BudgetLevel } from './budgetGauge';

const ICONS: Record<BudgetLevel, typeof BlockIcon> = { normal: CheckCircleOutlineIcon, warn: WarningAmberIcon, exhausted: BlockIcon };
const yen = (n: number) => n.toLocaleString('ja-JP');

export interface BudgetGaugeProps {
  budgetYen: number;
  awardedYen: number;
  size?: 'small' | 'large';
  /** Names the bar for screen readers when several gauges share a page (the dashboard). */
  name?: string;
}

/** A budget's use: bar, icon and words (使用 18,000,000円・残り 2,000,000円 / 20,000,000円・90%), never colour alone. */
export function BudgetGauge({ budgetYen, awardedYen, size = 'small', name }: BudgetGaugeProps) {
  const translate = useTranslate();
  const view = budgetGaugeView({ budgetYen, awardedYen });
  const Icon = ICONS[view.level];
  const large = size === 'large';
  return (
    <Box data-testid="budget-gauge" data-level={view.level} sx={{ minWidth: large ? 320 : 230, maxWidth: large ? 640 : 320 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, mb: 0.5, flexWrap: 'wrap' }}>
        <Icon sx={{ color: view.color, fontSize: large ? 28 : 18 }} aria-hidden />
        <Typography variant={large ? 'subtitle1' : 'body2'} sx={{ fontWeight: view.level === 'normal' ? 400 : 700, whiteSpace: 'nowrap' }}>
          {translate(view.levelKey)}
        </Typography>
        <Typography variant={large ? 'body1' : 'caption'} color="text.secondary" sx={{ ml: 'auto' }}>
          {translate('resources.measures.gauge.remaining', { used: yen(view.usedYen), remaining: yen(view.remainingYen), budget: yen(budgetYen), percent: view.percent })}
        </Typography>
      </Box>
      <LinearProgress
        variant="determinate"
        value={view.percent}
        aria-label={name ? translate('resources.measures.gauge.bar_of', { name }) : translate('resources.measures.gauge.bar')}
        sx={{ height: large ? 14 : 8, borderRadius: 1, bgcolor: 'grey.200', '& .MuiLinearProgress-bar': { bgcolor: view.color, borderRadius: 1 } }}
      />
    </Box>
  );
}

/** The gauge of the measure in the record context; a dash for a measure with no budget of its own. */
export function BudgetGaugeField({ size }: { size?: BudgetGaugeProps['size']; label?: string; source?: string }) {
  const translate = useTranslate();
  const record = useRecordContext<{ budgetYen?: number | null; awardedYen?: number | null }>();
  if (!record) return null;
  if (record.budgetYen == null) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('resources.measures.gauge.none')}
      </Typography>
    );
  }
  return <BudgetGauge budgetYen={record.budgetYen} awardedYen={record.awardedYen ?? 0} size={size} />;
}
BudgetGaugeField.displayName = 'BudgetGaugeField';
