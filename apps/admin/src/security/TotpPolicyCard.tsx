import { Button, Card, CardContent, Checkbox, FormControlLabel, FormGroup, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useCanAccess, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { MUNICIPALITY_ROLES, ROLE, type Role } from '@mynapoint/domain';
import { useLang } from '../common/enums';
import type { AppDataProvider } from '../dataProvider';

const T = 'resources.security.policy';

// An admin chooses the roles of this municipality that must sign in with a second
// factor (GET/PUT /api/auth/totp-policy); it applies from their next sign-in.
export function TotpPolicyCard() {
  const translate = useTranslate();
  const notify = useNotify();
  const lang = useLang();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'municipalities', action: 'edit' });
  const [roles, setRoles] = useState<Role[] | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!canAccess) return;
    dataProvider.getJson<{ requiredRoles: Role[] }>('auth/totp-policy').then(
      (r) => setRoles(r.requiredRoles),
      () => setRoles(null), // the installation's own accounts have no municipality to set
    );
  }, [canAccess, dataProvider]);
  if (!canAccess || !roles) return null;

  const toggle = (role: Role) => setRoles(roles.includes(role) ? roles.filter((r) => r !== role) : [...roles, role]);
  const save = async () => {
    setBusy(true);
    try {
      const r = await dataProvider.putJson<{ requiredRoles: Role[] }>('auth/totp-policy', { requiredRoles: roles });
      setRoles(r.requiredRoles);
      notify(`${T}.saved`, { type: 'success' });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

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
