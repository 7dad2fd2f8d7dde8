import { Alert, Box, Card, CardContent, MenuItem, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { STAT_INTERVAL, type StatInterval } from '@mynapoint/domain';
import { useEnumChoices, useLang } from '../common/enums';
import { JpDatePicker } from '../common/JpDateInputs';
import { rangeLabel } from './format';
import { PERIOD_PRESETS, type DashboardPeriod, type PeriodPreset } from './period';

export interface ControlsProps {
  period: DashboardPeriod;
  campaigns: { id: number; name: string }[];
  problem: string | null;
  /** Off when no visible panel depends on the campaign (counter staff). */
  showCampaign: boolean;
  onPreset: (preset: PeriodPreset) => void;
  onDates: (from: string, to: string) => void;
  onInterval: (interval: StatInterval) => void;
  onCampaign: (campaignId: number | null) => void;
  /** A prefecture user's municipalities: the picker (all of them, or one) is shown when given. */
  municipalities?: { code: string; name: string }[];
  municipalityCode?: string | null;
  onMunicipality?: (code: string | null) => void;
}

/** Period presets, custom dates, the series interval and the campaign (or, for a prefecture, the municipality). */
export function Controls({ period, campaigns, problem, showCampaign, onPreset, onDates, onInterval, onCampaign, municipalities, municipalityCode, onMunicipality }: ControlsProps) {
  const translate = useTranslate();
  const lang = useLang();
  const intervals = useEnumChoices(STAT_INTERVAL);
  const t = (key: string) => translate(`resources.dashboard.controls.${key}`);
  return (
    <Card variant="outlined" sx={{ displayPrint: 'none' }} data-testid="dashboard-controls">
      <CardContent sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', py: 1.5, '&:last-child': { pb: 1.5 } }}>
        {municipalities ? (
          <TextField
            select
            fullWidth={false}
            size="small"
            label={t('municipality')}
            // Until the list is in, a remembered choice shows as all (MUI refuses a value it has no item for).
            value={municipalityCode && municipalities.some((m) => m.code === municipalityCode) ? municipalityCode : ''}
            onChange={(e) => onMunicipality?.(e.target.value === '' ? null : e.target.value)}
            sx={{ minWidth: 200 }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
            data-testid="dashboard-municipality"
          >
            <MenuItem value="">{t('all_municipalities')}</MenuItem>
            {municipalities.map((m) => (
              <MenuItem key={m.code} value={m.code}>
                {m.name}
              </MenuItem>
            ))}
          </TextField>
        ) : null}
        <ToggleButtonGroup
          exclusive
          size="small"
          color="primary"
          value={period.preset}
          onChange={(_e, v: PeriodPreset | null) => v && onPreset(v)}
          aria-label={t('label')}
        >
          {PERIOD_PRESETS.map((p) => (
            <ToggleButton key={p} value={p} sx={{ px: 1.5, whiteSpace: 'nowrap', textTransform: 'none' }}>
              {translate(`resources.dashboard.controls.presets.${p}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <Box sx={{ display: 'flex', gap: 1 }}>
          <JpDatePicker label={t('from')} value={period.from} onChange={(from) => onDates(from, period.to)} testId="dashboard-from" sx={{ width: 170 }} />
          <JpDatePicker label={t('to')} value={period.to} onChange={(to) => onDates(period.from, to)} testId="dashboard-to" sx={{ width: 170 }} />
        </Box>
        <TextField select fullWidth={false} size="small" label={t('interval')} value={period.interval} onChange={(e) => onInterval(e.target.value as StatInterval)} sx={{ minWidth: 96 }}>
          {intervals.map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {c.name}
            </MenuItem>
          ))}
        </TextField>
        {showCampaign ? (
          <TextField
            select
            fullWidth={false}
            size="small"
            label={t('campaign')}
            value={period.campaignId == null ? '' : String(period.campaignId)}
            onChange={(e) => onCampaign(e.target.value === '' ? null : Number(e.target.value))}
            sx={{ minWidth: 240 }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            <MenuItem value="">{t('all_campaigns')}</MenuItem>
            {campaigns.map((c) => (
              <MenuItem key={c.id} value={String(c.id)}>
                {c.name}
              </MenuItem>
            ))}
          </TextField>
        ) : null}
        <Typography variant="body2" color="text.secondary" data-testid="dashboard-range">
          {translate('resources.dashboard.controls.range', { range: rangeLabel(period.from, period.to, lang) })}
        </Typography>
        {problem ? (
          <Alert severity="warning" sx={{ width: '100%' }}>
            {translate(problem)}
          </Alert>
        ) : null}
      </CardContent>
    </Card>
  );
}
