import { Button, Card, CardContent, Checkbox, FormControlLabel, FormGroup, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useCanAccess, useGetList, useNotify, useTranslate, useUpdate } from 'react-admin';
import { MUNICIPALITY_ROLES, ROLE, type Role } from '@mynapoint/domain';
import { useLang } from '../common/enums';

const T = 'resources.security.policy';

// An admin chooses the roles of this municipality that must sign in with a second
// factor (totpRequiredRoles of its own municipalities record; PUT /api/municipalities/:id);
// it applies from their next sign-in. Who keeps every municipality (the operator) sets it
// there, not here: its own accounts belong to none.
export function TotpPolicyCard() {
  const translate = useTranslate();
  const notify = useNotify();
  const lang = useLang();
  const { canAccess: edit } = useCanAccess({ resource: 'municipalities', action: 'edit' });
  const { canAccess: create } = useCanAccess({ resource: 'municipalities', action: 'create' });
  const ownOnly = edit === true && create === false;
  // Row-level security lists the admin's own municipality only.
  const { data } = useGetList<{ id: number; totpRequiredRoles: Role[] }>(
    'municipalities',
    { pagination: { page: 1, perPage: 1 }, sort: { field: 'code', order: 'ASC' } },
    { enabled: ownOnly },
  );
  const own = data?.[0];
  const [roles, setRoles] = useState<Role[] | null>(null);
  const [update, { isPending: busy }] = useUpdate();
  useEffect(() => {
    if (own) setRoles(own.totpRequiredRoles ?? []);
  }, [own]);
  if (!ownOnly || !own || !roles) return null;

  const toggle = (role: Role) => setRoles(roles.includes(role) ? roles.filter((r) => r !== role) : [...roles, role]);
  const save = () =>
    update(
      'municipalities',
      { id: own.id, data: { totpRequiredRoles: roles }, previousData: own },
      {
        mutationMode: 'pessimistic',
        onSuccess: (r) => {
          setRoles((r as { totpRequiredRoles: Role[] }).totpRequiredRoles);
          notify(`${T}.saved`, { type: 'success' });
        },
        onError: (e) => notify((e as Error).message, { type: 'error' }),
      },
    );

  return (
    <Card component="section" aria-labelledby="policy-title" data-testid="totp-policy">
      <CardContent>
        <Typography variant="h6" component="h2" id="policy-title">
          {translate(`${T}.title`)}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 1 }}>
          {translate(`${T}.intro`)}
        </Typography>
        <FormGroup row aria-labelledby="policy-title">
          {MUNICIPALITY_ROLES.map((role) => (
            <FormControlLabel key={role} control={<Checkbox checked={roles.includes(role)} onChange={() => toggle(role)} />} label={ROLE.label(role, lang)} />
          ))}
        </FormGroup>
        <Button variant="contained" onClick={save} disabled={busy} sx={{ mt: 1 }}>
          {translate('ra.action.save')}
        </Button>
      </CardContent>
    </Card>
  );
}
