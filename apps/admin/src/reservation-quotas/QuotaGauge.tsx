import BlockIcon from '@mui/icons-material/Block';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlined';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { QuotaFillLevel } from '@mynapoint/domain';
import { quotaGaugeView } from './quotaGauge';

const ICONS: Record<QuotaFillLevel, typeof BlockIcon> = { normal: CheckCircleOutlineIcon, warn: WarningAmberIcon, full: BlockIcon };

export interface QuotaGaugeProps {
  capacity: number;
  used: number;
  warnAtPercent: number;
  size?: 'small' | 'large';
}

/** A quota's fill: bar, icon and words (残り 12 / 200件・94%), never colour alone. */
export function QuotaGauge({ capacity, used, warnAtPercent, size = 'small' }: QuotaGaugeProps) {
  const translate = useTranslate();
  const view = quotaGaugeView({ capacity, used, warnAtPercent });
  const Icon = ICONS[view.level];
  const large = size === 'large';
  return (
    <Box data-testid="quota-gauge" data-level={view.level} sx={{ minWidth: large ? 320 : 230, maxWidth: large ? 560 : 280 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, mb: 0.5 }}>
        <Icon sx={{ color: view.color, fontSize: large ? 28 : 18 }} aria-hidden />
        <Typography variant={large ? 'subtitle1' : 'body2'} sx={{ fontWeight: view.level === 'normal' ? 400 : 700, whiteSpace: 'nowrap' }}>
          {translate(view.levelKey)}
        </Typography>
        <Typography variant={large ? 'body1' : 'caption'} color="text.secondary" sx={{ ml: 'auto', whiteSpace: 'nowrap' }}>
          {translate('resources.reservation-quotas.gauge.remaining', {
            remaining: view.remaining.toLocaleString('ja-JP'),
            capacity: capacity.toLocaleString('ja-JP'),
            percent: view.percent,
          })}
        </Typography>
      </Box>
      <LinearProgress
        variant="determinate"
        value={view.percent}
        aria-label={translate('resources.reservation-quotas.fields.fillRate')}
        sx={{
          height: large ? 14 : 8,
          borderRadius: 1,
          bgcolor: 'grey.200',
          '& .MuiLinearProgress-bar': { bgcolor: view.color, borderRadius: 1 },
        }}
      />
    </Box>
  );
}

/** The gauge of the quota in the record context (list cells, show pages). */
export function QuotaGaugeField({ size }: { size?: QuotaGaugeProps['size']; label?: string }) {
  const record = useRecordContext<{ capacity: number; used: number; warnAtPercent: number }>();
  if (!record) return null;
  return <QuotaGauge capacity={record.capacity} used={record.used} warnAtPercent={record.warnAtPercent} size={size} />;
}
QuotaGaugeField.displayName = 'QuotaGaugeField';
