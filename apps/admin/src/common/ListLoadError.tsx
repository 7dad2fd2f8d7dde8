import { Alert, AlertTitle, Button } from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import { useListContext, useTranslate } from 'react-admin';

/**
 * What a list shows in place of its rows when the server could not answer (the
 * database is down, the network is cut). Without it react-admin draws the table with
 * no rows and its "no … match" line, which reads as if the records were gone. The
 * server's own message says why (e.g. the 503's), and the button asks again.
 * Every list passes it as `<List error={<ListLoadError />}>`.
 */
export function ListLoadError() {
  const translate = useTranslate();
  const { error, refetch, isFetching } = useListContext();
  return (
    <Alert
      severity="error"
      role="alert"
      sx={{ m: 2 }}
      action={
        <Button color="inherit" size="small" startIcon={<RefreshIcon />} disabled={isFetching} onClick={() => refetch()}>
          {translate('app.list_error.retry')}
        </Button>
      }
    >
      <AlertTitle>{translate('app.list_error.title')}</AlertTitle>
      {error?.message ? <div>{error.message}</div> : null}
      <div>{translate('app.list_error.hint')}</div>
    </Alert>
  );
}
