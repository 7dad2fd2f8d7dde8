import { Box, Button, Chip, Table, TableBody, TableCell, TableHead, TableRow, Tooltip } from '@mui/material';
import { RecordContextProvider, useTranslate } from 'react-admin';
import { JpDateField } from '../common/dates';
import { deviceName } from './deviceName';

export interface SessionRow {
  id: number;
  device: string | null;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current?: boolean;
}

const T = 'resources.security.sessions';

/** An instant in the app's usual form (Japanese era in Japanese). */
export function Instant({ value }: { value: string }) {
  return (
    <RecordContextProvider value={{ id: value, value }}>
      <JpDateField source="value" showTime />
    </RecordContextProvider>
  );
}

// The live sessions of one user: the signed-in user's own (「セキュリティ」) or, for an
// admin, anyone's (the user's edit page). 「終了」 ends one at once.
export function SessionsTable({ rows, onEnd }: { rows: SessionRow[]; onEnd: (id: number) => void }) {
  const translate = useTranslate();
  if (!rows.length) return <p>{translate(`${T}.none`)}</p>;
  // A wide table scrolls inside its own box (at 200 % zoom the page itself never does);
  // focusable, so a keyboard can scroll it too.
  return (
    <Box sx={{ overflowX: 'auto', maxWidth: '100%' }} tabIndex={0} role="region" aria-label={translate(`${T}.caption`, { count: rows.length })}>
    <Table size="small" data-testid="sessions-table">
      <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>{translate(`${T}.caption`, { count: rows.length })}</caption>
      <TableHead>
        <TableRow>
          <TableCell scope="col">{translate(`${T}.device`)}</TableCell>
          <TableCell scope="col">{translate(`${T}.ip`)}</TableCell>
          <TableCell scope="col">{translate(`${T}.last_seen`)}</TableCell>
          <TableCell scope="col">{translate(`${T}.signed_in`)}</TableCell>
          <TableCell scope="col">
            <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
              {translate(`${T}.actions`)}
            </span>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((s) => (
          <TableRow key={s.id} data-testid={`session-${s.id}`}>
            <TableCell>
              <Tooltip title={s.device ?? ''}>
                <span>{deviceName(s.device) ?? translate(`${T}.unknown_device`)}</span>
              </Tooltip>
              {s.current && <Chip size="small" color="primary" label={translate(`${T}.this_device`)} sx={{ ml: 1 }} />}
            </TableCell>
            <TableCell>{s.ip ?? '—'}</TableCell>
            <TableCell>
              <Instant value={s.lastSeenAt} />
            </TableCell>
            <TableCell>
              <Instant value={s.createdAt} />
            </TableCell>
            <TableCell align="right">
              {s.current ? (
                <Tooltip title={translate(`${T}.current_hint`)}>
                  <span>
                    <Button size="small" disabled>
                      {translate(`${T}.end`)}
                    </Button>
                  </span>
                </Tooltip>
              ) : (
                <Button size="small" color="warning" variant="outlined" onClick={() => onEnd(s.id)} aria-label={translate(`${T}.end_label`, { device: deviceName(s.device) ?? translate(`${T}.unknown_device`) })}>
                  {translate(`${T}.end`)}
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
    </Box>
  );
}
