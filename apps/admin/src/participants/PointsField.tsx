import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** Points awarded so far against the per-person cap. */
export function PointsField(_props: { label?: string }) {
  const translate = useTranslate();
  const record = useRecordContext<{ pointsTotal: number; capYen: number; capReached: boolean }>();
  if (!record) return null;
  const percent = Math.min(100, Math.floor((record.pointsTotal * 100) / record.capYen));
  return (
    <Box sx={{ minWidth: 240, maxWidth: 420 }} data-testid="points">
      <Typography variant="body1">
        {translate('resources.participants.points', { total: record.pointsTotal.toLocaleString('ja-JP'), cap: record.capYen.toLocaleString('ja-JP') })}
        {record.capReached && <strong>{translate('app.punct.paren', { text: translate('resources.participants.cap_reached') })}</strong>}
      </Typography>
      <LinearProgress variant="determinate" value={percent} aria-label={translate('resources.participants.sections.points')} sx={{ height: 8, borderRadius: 1, mt: 0.5 }} />
    </Box>
  );
}
PointsField.displayName = 'PointsField';
