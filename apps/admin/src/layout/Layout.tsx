import { Box, Chip, Typography } from '@mui/material';
import { AppBar, Layout as RaLayout, TitlePortal, useGetIdentity, useTranslate, type LayoutProps } from 'react-admin';
import { ROLE } from '@mynapoint/domain';
import { useLang } from '../common/enums';
import { Menu } from './Menu';

function RoleChip() {
  const { identity } = useGetIdentity();
  const lang = useLang();
  if (!identity?.role) return null;
  return <Chip size="small" color="default" sx={{ bgcolor: 'rgba(255,255,255,0.85)', mr: 1 }} label={ROLE.label(identity.role, lang)} data-testid="role-chip" />;
}

function MyAppBar() {
  const translate = useTranslate();
  return (
    <AppBar>
      <TitlePortal />
      <Box sx={{ flex: 1 }} />
      <Typography variant="body2" sx={{ mr: 2, opacity: 0.9, display: { xs: 'none', md: 'block' } }}>
        {translate('app.city')} {translate('app.subtitle')}
      </Typography>
      <RoleChip />
    </AppBar>
  );
}

export function Layout(props: LayoutProps) {
  return <RaLayout {...props} appBar={MyAppBar} menu={Menu} />;
}
