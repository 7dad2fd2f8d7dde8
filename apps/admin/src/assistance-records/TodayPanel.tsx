import EditIcon from '@mui/icons-material/Edit';
import { Box, Card, CardContent, Chip, Divider, List, ListItem, ListItemButton, ListItemText, Skeleton, Stack, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { ASSISTANCE_OUTCOME, ASSISTANCE_TYPE } from '@mynapoint/domain';
import { useLang } from '../common/enums';
import { summarizeDay } from './quickEntry';
import type { CounterStats, CounterTotals } from './useCounterStats';

export interface TodayRow {
  id: number;
  visitedAt: string;
  assistanceTypes: string[];
  outcome: string;
  durationMinutes: number;
}

const time = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' });
const T = 'resources.assistance-records';

function Figure({ label, totals, testId }: { label: string; totals: CounterTotals | undefined; testId: string }) {
  const translate = useTranslate();
  return (
    <Box sx={{ flex: 1 }} data-testid={testId}>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h5" sx={{ fontWeight: 700, lineHeight: 1.2 }}>
        {totals ? totals.visits : '–'}
        <Typography component="span" variant="body2" sx={{ ml: 0.5 }}>
          {translate(`${T}.stats.visits`)}
        </Typography>
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {totals ? `${totals.minutes} ${translate(`${T}.stats.minutes`)} / ${translate(`${T}.stats.unable`)} ${totals.outcomes.unable}` : ''}
      </Typography>
    </Box>
  );
}

// Beside the form: the clerk's figures (GET /api/stats/counter) and today's own
// entries with a running count and total minutes, newest first.
export function TodayPanel({ rows, loading, stats }: { rows: TodayRow[]; loading: boolean; stats: CounterStats | null }) {
  const translate = useTranslate();
  const lang = useLang();
  const { count, minutes } = summarizeDay(rows);
  return (
    <Card variant="outlined" sx={{ position: { md: 'sticky' }, top: { md: 16 } }}>
      <CardContent>
        <Typography variant="overline" color="text.secondary">
          {translate(stats?.scope === 'all' ? `${T}.stats.all` : `${T}.stats.own`)}
        </Typography>
        <Stack direction="row" sx={{ gap: 2, mb: 2 }}>
          <Figure label={translate(`${T}.stats.today`)} totals={stats?.today} testId="stats-today" />
          <Figure label={translate(`${T}.stats.week`)} totals={stats?.week} testId="stats-week" />
        </Stack>
        <Divider />
        <Stack direction="row" sx={{ alignItems: 'baseline', gap: 1, mt: 2 }}>
          <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
            {translate(`${T}.today.title`)}
          </Typography>
          <Chip color="primary" label={translate(`${T}.today.count`, { count })} data-testid="today-count" />
          <Chip variant="outlined" label={translate(`${T}.today.minutes`, { minutes })} data-testid="today-minutes" />
        </Stack>
        {loading && !rows.length ? (
          <Skeleton height={80} />
        ) : rows.length ? (
          <List dense sx={{ maxHeight: 480, overflow: 'auto' }} data-testid="today-list">
            {rows.map((r) => (
              <ListItem key={r.id} disablePadding>
                <ListItemButton component={Link} to={`/assistance-records/${r.id}`}>
                  <ListItemText
                    primary={`${time.format(new Date(r.visitedAt))}  ${r.assistanceTypes.map((t) => ASSISTANCE_TYPE.label(t, lang)).join(translate('app.punct.list'))}`}
                    secondary={`${ASSISTANCE_OUTCOME.label(r.outcome, lang)}${translate('app.punct.sep')}${r.durationMinutes}${translate(`${T}.stats.minutes`)}`}
                  />
                  <EditIcon fontSize="small" color="action" />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        ) : (
          <Typography color="text.secondary" sx={{ py: 2 }}>
            {translate(`${T}.today.empty`)}
          </Typography>
        )}
        <Box sx={{ textAlign: 'right' }}>
          <Link to="/assistance-records">{translate(`${T}.today.more`)}</Link>
        </Box>
      </CardContent>
    </Card>
  );
}
