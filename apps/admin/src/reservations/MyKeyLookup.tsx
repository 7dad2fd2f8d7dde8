import { Alert } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { formatJapaneseEraDate, normalizeMyKeyId } from '@mynapoint/domain';

interface Found {
  campaignId: number;
  reservedAt: string;
}

/**
 * Looks the typed MyKey ID up among reservations (by the server, through its hash)
 * so counter staff see at once whether the resident already reserved. The ID goes
 * in a background request only, never into the page address or history.
 */
export function useReservationsOf(): { state: 'idle' | 'checking' | 'done' | 'failed'; found: Found[] } {
  const dataProvider = useDataProvider();
  const raw = useWatch({ name: 'myKeyId' }) as string | undefined;
  const myKeyId = raw ? normalizeMyKeyId(raw) : null;
  const [result, setResult] = useState<{ key: string | null; found: Found[]; failed?: boolean }>({ key: null, found: [] });
  useEffect(() => {
    if (!myKeyId) return;
    let alive = true;
    dataProvider
      .getList('reservations', { filter: { myKeyId }, pagination: { page: 1, perPage: 10 }, sort: { field: 'reservedAt', order: 'DESC' } })
      .then(({ data }) => alive && setResult({ key: myKeyId, found: data as unknown as Found[] }))
      // A failed lookup must not read as "no reservation": say it could not be checked.
      .catch(() => alive && setResult({ key: myKeyId, found: [], failed: true }));
    return () => {
      alive = false;
    };
  }, [myKeyId, dataProvider]);
  if (!myKeyId) return { state: 'idle', found: [] };
  if (result.key !== myKeyId) return { state: 'checking', found: [] };
  return result.failed ? { state: 'failed', found: [] } : { state: 'done', found: result.found };
}

export function MyKeyLookup({ campaignNames }: { campaignNames: Record<number, string> }) {
  const translate = useTranslate();
  const { state, found } = useReservationsOf();
  if (state === 'idle') return null;
  if (state === 'checking') return <Alert severity="info" sx={{ mb: 2 }}>{translate('resources.reservations.lookup.checking')}</Alert>;
  if (state === 'failed') return <Alert severity="error" sx={{ mb: 2 }} data-testid="mykey-lookup">{translate('resources.reservations.lookup.failed')}</Alert>;
  if (!found.length) return <Alert severity="success" sx={{ mb: 2 }} data-testid="mykey-lookup">{translate('resources.reservations.lookup.none')}</Alert>;
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="mykey-lookup">
      {found.map((r) => (
        <div key={`${r.campaignId}-${r.reservedAt}`}>
          {translate('resources.reservations.lookup.found', { campaign: campaignNames[r.campaignId] ?? r.campaignId, date: formatJapaneseEraDate(r.reservedAt) })}
        </div>
      ))}
    </Alert>
  );
}
