import { Box, Chip, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { POINT_AWARD_KIND, formatJapaneseEraDate } from '@mynapoint/domain';
import { useLang } from '../common/enums';
import { toLedgerRows, type LedgerAward } from './toLedgerRows';

const yen = (v: number) => v.toLocaleString('ja-JP');

/**
 * A participant's point ledger: every award with the running total, and a bar to the
 * per-person cap. For the participant show page (participants resource) and the
 * point-award show page. `capYen`: the participant's cap when the caller knows it
 * (otherwise it is read from the awards).
 */
export function ParticipantLedger({ participantId, capYen }: { participantId: number; capYen?: number | null }) {
  const translate = useTranslate();
  const lang = useLang();
  const { data = [], isPending } = useGetList<LedgerAward>('point-awards', {
    filter: { participantId },
    sort: { field: 'transactionDate', order: 'ASC' },
    pagination: { page: 1, perPage: 1000 },
  });
  if (isPending) return <LinearProgress />;
  const ledger = toLedgerRows(data, capYen);
  return (
    <Box data-testid="participant-ledger">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 0.5 }}>
        <Typography variant="subtitle1" id="participant-ledger-title" sx={{ fontWeight: 700 }}>
          {translate('resources.point-awards.ledger.title')}
        </Typography>
        <Typography variant="body2" data-testid="ledger-total">
          {ledger.cap !== null
            ? translate('resources.point-awards.ledger.standing', { total: yen(ledger.total), cap: yen(ledger.cap) })
            : translate('resources.point-awards.ledger.total', { total: yen(ledger.total) })}
        </Typography>
        {ledger.capReached && <Chip size="small" color="success" label={translate('resources.point-awards.ledger.cap_reached')} />}
      </Stack>
      {ledger.cap !== null && (
        <LinearProgress
          variant="determinate"
          value={ledger.percent}
          color={ledger.capReached ? 'success' : 'primary'}
          sx={{ height: 10, borderRadius: 5, mb: 1.5 }}
          aria-label={translate('resources.point-awards.ledger.bar')}
        />
      )}
      {ledger.rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.point-awards.ledger.empty')}
        </Typography>
      ) : (
        // Scrolls inside the page when narrow (200 % zoom); focusable to scroll by keyboard.
        <Box sx={{ overflowX: 'auto' }} role="region" aria-labelledby="participant-ledger-title" tabIndex={0}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.point-awards.fields.transactionDate')}</TableCell>
              <TableCell>{translate('resources.point-awards.fields.kind')}</TableCell>
              <TableCell align="right">{translate('resources.point-awards.fields.amountYen')}</TableCell>
              <TableCell align="right">{translate('resources.point-awards.fields.points')}</TableCell>
              <TableCell align="right">{translate('resources.point-awards.ledger.running')}</TableCell>
              <TableCell>{translate('resources.point-awards.fields.externalId')}</TableCell>
              <TableCell>{translate('resources.point-awards.ledger.source')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {ledger.rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell>{lang === 'ja' ? formatJapaneseEraDate(r.transactionDate) : r.transactionDate}</TableCell>
                <TableCell>{POINT_AWARD_KIND.label(r.kind, lang)}</TableCell>
                <TableCell align="right">{yen(r.amountYen)}</TableCell>
                <TableCell align="right" sx={{ fontWeight: 600, color: r.points === 0 ? 'text.secondary' : undefined }}>
                  {yen(r.points)}
                </TableCell>
                <TableCell align="right">{yen(r.runningTotal)}</TableCell>
                <TableCell>
                  <code>{r.externalId}</code>
                </TableCell>
                <TableCell>
                  {r.importId ? translate('resources.point-awards.ledger.from_import', { id: r.importId }) : translate('resources.point-awards.ledger.by_hand')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        </Box>
      )}
    </Box>
  );
}
