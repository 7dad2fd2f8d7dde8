import { Box, Skeleton, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { Title, useDataProvider, useGetIdentity, useGetList, useNotify, useRedirect, useTranslate, type HttpError } from 'react-admin';
import { formatJapaneseEraDate, toJstDate, type Office } from '@mynapoint/domain';
import type { AppDataProvider } from '../dataProvider';
import { blankVisit, newIdempotencyKey, toCreateBody, toFormErrors, type VisitValues } from './quickEntry';
import { QuickEntryForm, type AfterSave } from './QuickEntryForm';
import { TodayPanel, type TodayRow } from './TodayPanel';
import { useCounterStats } from './useCounterStats';

const T = 'resources.assistance-records';

// The counter's landing page: a form that is ready to type, today's own entries
// beside it. "Save and next" keeps the office and starts a fresh visit; each form
// instance carries its own Idempotency-Key, so a double-clicked save makes one record.
export function AssistanceQuickEntry() {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { identity } = useGetIdentity();
  const staffId = identity?.id;
  const today = toJstDate(new Date());

  // The office of the clerk's most recently logged record (not the latest visit time:
  // a visit logged late from memory says nothing about where they sit today).
  const last = useGetList('assistance-records', { filter: { staffId }, sort: { field: 'createdAt', order: 'DESC' }, pagination: { page: 1, perPage: 1 } }, { enabled: staffId != null });
  const todays = useGetList<TodayRow>(
    'assistance-records',
    { filter: { staffId, visitedAt: today }, sort: { field: 'visitedAt', order: 'DESC' }, pagination: { page: 1, perPage: 200 } },
    { enabled: staffId != null },
  );

  const [office, setOffice] = useState<Office | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [version, setVersion] = useState(0);
  const stats = useCounterStats(version);

  const ready = staffId != null && !last.isPending;
  const effectiveOffice: Office = office ?? ((last.data?.[0]?.office as Office | undefined) ?? 'main_office');
  // A new form instance (formKey) is a new visit: the time is "now" again, and its
  // saves share one Idempotency-Key however often the button is pressed.
  const defaults = useMemo(() => blankVisit(effectiveOffice, new Date()), [formKey, effectiveOffice]);
  const idempotencyKey = useMemo(() => newIdempotencyKey(), [formKey]);

  const save = async (values: VisitValues, after: AfterSave) => {
    try {
      const created = await dataProvider.postJson<{ id: number; visitedAt: string }>('assistance-records', toCreateBody(values), { 'Idempotency-Key': idempotencyKey });
      const day = toJstDate(new Date(created.visitedAt));
      const count = (todays.total ?? todays.data?.length ?? 0) + 1;
      notify(day === today ? `${T}.quick.saved` : `${T}.quick.saved_other_day`, {
        type: 'success',
        messageArgs: { count, date: formatJapaneseEraDate(day) },
      });
      setOffice(values.office);
      setVersion((v) => v + 1);
      await todays.refetch();
      if (after === 'list') redirect('list', 'assistance-records');
      else setFormKey((k) => k + 1);
      return undefined;
    } catch (e) {
      const body = (e as HttpError).body as { message?: string; errors?: Record<string, string> } | undefined;
      notify(body?.message ?? (e as Error).message, { type: 'error', autoHideDuration: 8000 });
      return body?.errors ? toFormErrors(body.errors) : undefined;
    }
  };

  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title={translate(`${T}.quick.title`)} />
      <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
        {translate(`${T}.quick.title`)}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate(`${T}.quick.intro`)}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 2fr) minmax(300px, 1fr)' }, gap: 3, alignItems: 'start' }}>
        <Box>{ready ? <QuickEntryForm key={formKey} defaults={defaults} onSave={save} /> : <Skeleton variant="rounded" height={480} />}</Box>
        <TodayPanel rows={todays.data ?? []} loading={todays.isPending} stats={stats} />
      </Box>
    </Box>
  );
}
