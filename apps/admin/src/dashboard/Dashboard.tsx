import { Card, CardContent, Typography } from '@mui/material';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import { PublishedNotices } from '../fraud-alerts/PublishedNotices';

export function Dashboard() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return (
    <>
      <PublishedNotices />
      <Card sx={{ mt: 2 }}>
        <Title title={translate('app.title')} />
        <CardContent>
          <Typography variant="h5" gutterBottom>
            {translate('app.dashboard.welcome', { name: identity?.fullName ?? '' })}
          </Typography>
          <Typography color="text.secondary">{translate('app.dashboard.intro')}</Typography>
        </CardContent>
      </Card>
    </>
  );
}
