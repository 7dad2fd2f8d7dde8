import { useState, type ReactNode } from 'react';
import { Create, RecordContextProvider, SaveButton, SimpleForm, Toolbar, useNotify, useRedirect, useResourceContext, useTranslate, type RaRecord } from 'react-admin';
import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { JpDateField } from './dates';
import { DefaultWhenEmpty } from './DefaultWhenEmpty';
import { withoutEmpty } from './instants';
import { useNotifyServerError } from './serverErrors';

function CounterToolbar({ resource }: { resource: string }) {
  const redirect = useRedirect();
  return (
    <Toolbar sx={{ gap: 2 }}>
      <SaveButton label="app.counter.save_and_next" data-testid="save-and-next" sx={{ textTransform: 'none' }} />
      <SaveButton
        type="button"
        variant="outlined"
        sx={{ textTransform: 'none' }}
        label="app.counter.save_and_show"
        mutationOptions={{ onSuccess: (data: RaRecord) => redirect('show', resource, data.id) }}
      />
    </Toolbar>
  );
}

export interface CounterCreateProps {
  /** Fields kept for the next resident after a save (the quota or campaign, the channel). */
  keep: readonly string[];
  /** Optional fields dropped when empty, so the API applies its default. */
  optional: readonly string[];
  /** A field filled in once the lists leave a single choice (unless a kept value is there). */
  autoFill: { source: string; value: unknown };
  /** The instant shown on the last-saved card. */
  savedAt: string;
  /** Cards above the last-saved card (e.g. the chosen quota's gauge). */
  aside?: ReactNode;
  /** The form's main column. */
  children: ReactNode;
}

// The counter's fast entry shared by reservations and applications: MyKey ID first,
// Enter saves and remounts the form for the next resident with the kept fields; the
// last saved record and the keyboard help stay beside the form.
// Texts: resources.<resource>.title_create|notification.created|sections.last|keyboard.
export function CounterCreate({ keep, optional, autoFill, savedAt, aside, children }: CounterCreateProps) {
  const resource = useResourceContext()!;
  const notifyError = useNotifyServerError();
  const translate = useTranslate();
  const notify = useNotify();
  const [round, setRound] = useState(0);
  const [sticky, setSticky] = useState<Record<string, unknown>>({ channel: 'counter' });
  const [last, setLast] = useState<RaRecord | null>(null);
  const T = `resources.${resource}`;

  return (
    <Create
      title={`${T}.title_create`}
      redirect={false}
      transform={withoutEmpty(optional)}
      mutationOptions={{
        onError: notifyError,
        onSuccess: (data: RaRecord) => {
          notify(`${T}.notification.created`, { type: 'success', messageArgs: { ref: data.participantRef } });
          setLast(data);
          setSticky(Object.fromEntries(keep.map((f) => [f, data[f]])));
          setRound((r) => r + 1);
        },
      }}
    >
      <SimpleForm key={round} defaultValues={sticky} toolbar={<CounterToolbar resource={resource} />}>
        <DefaultWhenEmpty source={autoFill.source} value={sticky[autoFill.source] ?? autoFill.value} />
        <Stack direction={{ xs: 'column', lg: 'row' }} sx={{ gap: 3, width: '100%' }}>
          <Box sx={{ flex: 3, minWidth: 0 }}>{children}</Box>
          <Stack sx={{ flex: 2, gap: 2, minWidth: 280 }}>
            {aside}
            {last && (
              <Card variant="outlined" data-testid="last-saved">
                <CardContent>
                  <Typography variant="overline">{translate(`${T}.sections.last`)}</Typography>
                  <Typography variant="h6" sx={{ fontFamily: 'monospace' }}>
                    {String(last.participantRef)}
                  </Typography>
                  <Typography variant="body2" color="text.secondary" component="div">
                    <RecordContextProvider value={last}>
                      <JpDateField source={savedAt} showTime />
                    </RecordContextProvider>
                  </Typography>
                </CardContent>
              </Card>
            )}
            <Card variant="outlined">
              <CardContent>
                <Typography variant="overline">{translate('app.counter.keyboard')}</Typography>
                <Typography variant="body2">{translate(`${T}.keyboard`)}</Typography>
              </CardContent>
            </Card>
          </Stack>
        </Stack>
      </SimpleForm>
    </Create>
  );
}
