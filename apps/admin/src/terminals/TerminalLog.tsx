import { Alert, Box, Button, Chip, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { ASSISTANCE_TYPE, formatJapaneseEraDate, toJstDate } from '@mynapoint/domain';
import { useLang } from '../common/enums';
import type { AppDataProvider } from '../dataProvider';
import { jstTime } from '../desks/board';

const T = 'resources.terminals.log';

export interface TerminalVisit {
  id: number;
  visitedAt: string;
  assistanceTypes: string[];
  terminalLoggedOut: boolean;
  serviceIdReadBack: boolean;
  staffName: string;
  /** Seen from the visit asked about: 0 is that visit, -1 just before, 1 just after. */
  position: number;
}

export interface TerminalLogResponse {
  terminalId: number;
  around: number | null;
  visits: TerminalVisit[];
}

// The terminal's log: its visits in order, or the ones just before and after a given
// visit (the trace behind a wrong-person incident: who used it before and after).
export function TerminalLog() {
  const record = useRecordContext();
  const translate = useTranslate();
  const lang = useLang();
  const dataProvider = useDataProvider<AppDataProvider>();
  // ?around=<visit> (from a wrong-person incident) opens the log at that visit.
  const initial = new URLSearchParams(useLocation().search).get('around');
  const [input, setInput] = useState(initial && /^\d+$/.test(initial) ? initial : '');
  const [around, setAround] = useState<number | null>(initial && /^\d+$/.test(initial) ? Number(initial) : null);
  const { data, error, isPending } = useQuery({
    queryKey: ['terminals', record?.id, 'log', around],
    queryFn: () => dataProvider.getJson<TerminalLogResponse>(`terminals/${record!.id}/log`, { around: around ?? undefined }),
    enabled: Boolean(record?.id),
  });
  if (!record) return null;
  const th = { textAlign: 'left', p: 1, borderBottom: 2, borderColor: 'divider', whiteSpace: 'nowrap' } as const;
  const td = { p: 1, borderBottom: 1, borderColor: 'divider' } as const;
  const visits = data?.visits ?? [];
  return (
    <Box>
      <Stack component="form" direction="row" sx={{ gap: 1, alignItems: 'center', mb: 2, flexWrap: 'wrap' }} onSubmit={(e) => { e.preventDefault(); setAround(/^\d+$/.test(input) ? Number(input) : null); }}>
        <MuiTextField size="small" label={translate(`${T}.around`)} value={input} onChange={(e) => setInput(e.target.value)} slotProps={{ htmlInput: { inputMode: 'numeric' } }} helperText={translate(`${T}.around_hint`)} />
        <Button type="submit" variant="outlined">
          {translate(`${T}.show`)}
        </Button>
        {around != null ? (
          <Button onClick={() => { setAround(null); setInput(''); }}>{translate(`${T}.all`)}</Button>
        ) : null}
      </Stack>
      {error ? (
        <Alert severity="error">{(error as Error).message}</Alert>
      ) : isPending ? (
        <Typography color="text.secondary">{translate('app.loading')}</Typography>
      ) : !visits.length ? (
        <Typography color="text.secondary" data-testid="terminal-log-empty">
          {translate(`${T}.empty`)}
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={translate(`${T}.title`)}>
          <Box component="table" sx={{ width: '100%', borderCollapse: 'collapse', fontSize: '0.875rem' }} data-testid="terminal-log">
            <thead>
              <tr>
                <Box component="th" scope="col" sx={th}>{translate(`${T}.visit`)}</Box>
                <Box component="th" scope="col" sx={th}>{translate(`${T}.when`)}</Box>
                <Box component="th" scope="col" sx={th}>{translate(`${T}.staff`)}</Box>
                <Box component="th" scope="col" sx={th}>{translate(`${T}.types`)}</Box>
                <Box component="th" scope="col" sx={th}>{translate(`${T}.checks`)}</Box>
              </tr>
            </thead>
            <tbody>
              {visits.map((v) => {
                const focus = v.id === around;
                const checked = v.terminalLoggedOut && v.serviceIdReadBack;
                return (
                  <Box component="tr" key={v.id} sx={focus ? { bgcolor: 'action.selected', fontWeight: 700 } : undefined} aria-current={focus ? 'true' : undefined}>
                    <Box component="td" sx={td}>
                      <Link to={`/assistance-records/${v.id}/show`}>#{v.id}</Link>
                      {around != null ? (
                        <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                          {translate(v.position === 0 ? `${T}.this_visit` : v.position < 0 ? `${T}.before` : `${T}.after`, { n: Math.abs(v.position) })}
                        </Typography>
                      ) : null}
                    </Box>
                    <Box component="td" sx={{ ...td, whiteSpace: 'nowrap' }}>
                      {formatJapaneseEraDate(toJstDate(new Date(v.visitedAt)))} {jstTime(v.visitedAt)}
                    </Box>
                    <Box component="td" sx={td}>{v.staffName}</Box>
                    <Box component="td" sx={td}>{v.assistanceTypes.map((t) => ASSISTANCE_TYPE.label(t, lang)).join(translate('app.punct.list'))}</Box>
                    <Box component="td" sx={td}>
                      <Chip size="small" color={checked ? 'success' : 'warning'} variant="outlined" label={translate(checked ? `${T}.checked` : `${T}.not_checked`)} />
                    </Box>
                  </Box>
                );
              })}
            </tbody>
          </Box>
        </Box>
      )}
    </Box>
  );
}
