import { Card, CardContent, Typography } from '@mui/material';
import { useGetOne, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { QUOTA_STATUS } from '@mynapoint/domain';
import { useLang } from '../common/enums';
import { QuotaGauge } from '../reservation-quotas/QuotaGauge';

/** The chosen quota's gauge beside the counter form, fresh after every save. */
export function QuotaPreview() {
  const translate = useTranslate();
  const lang = useLang();
  const quotaId = useWatch({ name: 'quotaId' }) as number | undefined;
  const { data } = useGetOne('reservation-quotas', { id: quotaId! }, { enabled: Boolean(quotaId) });
  return (
    <Card variant="outlined" data-testid="quota-preview">
      <CardContent>
        <Typography variant="overline">{translate('resources.reservations.sections.quota')}</Typography>
        {data ? (
          <>
            <Typography variant="subtitle1" gutterBottom>
              {data.name}
              {translate('app.punct.paren', { text: QUOTA_STATUS.label(data.status, lang) })}
            </Typography>
            <QuotaGauge capacity={data.capacity} used={data.used} warnAtPercent={data.warnAtPercent} size="large" />
          </>
        ) : (
          <Typography color="text.secondary">{translate('resources.reservations.noQuota')}</Typography>
        )}
      </CardContent>
    </Card>
  );
}
