import { Alert, Box, Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { Title, useCanAccessResources, useGetList, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatCount } from './format';

// What the operator keeps: the municipalities, its own accounts, the national registry
// of payment services and campaigns, and the audit log. Each appears only when the
// permissions table lets the operator list it.
const PLACES = ['municipalities', 'users', 'payment-services', 'campaigns', 'audit-logs'] as const;

/**
 * The operator's landing page instead of the dashboard: the operator reads no resident
 * data (no stats, no records), so it sees how many municipalities it keeps and where
 * its work is.
 */
export function OperatorHome() {
  const translate = useTranslate();
  const t = (key: string, options?: object) => translate(`resources.dashboard.operator.${key}`, options);
  const { canAccess } = useCanAccessResources({ action: 'list', resources: [...PLACES] });
  const municipalities = useGetList('municipalities', { pagination: { page: 1, perPage: 1 }, sort: { field: 'code', order: 'ASC' } }, { enabled: Boolean(canAccess?.municipalities) });
  const places = PLACES.filter((p) => canAccess?.[p]);
  return (
    <Box data-testid="operator-home" sx={{ mt: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Title title={t('title')} />
      <Typography variant="h5" component="h1">
        {t('title')}
      </Typography>
      {canAccess?.municipalities ? (
        <Card variant="outlined" sx={{ maxWidth: 360 }}>
          <CardContent>
            <Typography variant="body2" color="text.secondary" sx={{ fontWeight: 700 }}>
              {t('municipalities')}
            </Typography>
            <Typography variant="h4" component="p" sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums' }} data-testid="operator-municipalities">
              {municipalities.total === undefined ? '—' : t('count', { count: formatCount(municipalities.total) })}
            </Typography>
            {municipalities.error ? <Alert severity="warning">{t('count_failed')}</Alert> : null}
          </CardContent>
        </Card>
      ) : null}
      <Box component="nav" aria-label={t('links')}>
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(3, minmax(0, 1fr))' }, gap: 1.5 }}>
          {places.map((p) => (
            <li key={p}>
              <Card variant="outlined" sx={{ height: '100%' }}>
                <CardActionArea component={Link} to={`/${p}`} sx={{ height: '100%' }}>
                  <CardContent>
                    <Typography variant="subtitle1" component="span" sx={{ fontWeight: 700, display: 'block' }}>
                      {translate(`resources.${p}.name`, { smart_count: 2 })}
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                      {t(`hints.${p}`)}
                    </Typography>
                  </CardContent>
                </CardActionArea>
              </Card>
            </li>
          ))}
        </Box>
      </Box>
      <Typography variant="body2" color="text.secondary">
        {t('no_resident_data')}
      </Typography>
    </Box>
  );
}
