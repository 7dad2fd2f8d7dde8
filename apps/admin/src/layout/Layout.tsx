import { Chip, Typography } from '@mui/material';
import { AppBar, Layout as RaLayout, TitlePortal, useGetIdentity, useTranslate, type LayoutProps } from 'react-admin';
import { ROLE } from '@mynapoint/domain';
import { useLang } from '../common/enums';
import { ProgressLabels } from '../common/ProgressLabels';
import { useDocumentLang } from '../common/useDocumentLang';
import { Menu } from './Menu';

function RoleChip() {
  const { identity } = useGetIdentity();
  const lang = useLang();
  if (!identity?.role) return null;
  return <Chip size="small" color="default" sx={{ bgcolor: 'rgba(255,255,255,0.85)', mr: 1, flexShrink: 0 }} label={ROLE.label(identity.role, lang)} data-testid="role-chip" />;
}

function MyAppBar() {
  const translate = useTranslate();
  return (
    <AppBar>
      {/* The page title comes first: it keeps its whole width while the header has
          room, and the city's subtitle gets what is left (cut short first). A spacer
          beside the title used to take half the room, and titles were cut with room
          to spare. */}
      <TitlePortal sx={{ flex: '0 1 auto' }} />
      <Typography variant="body2" noWrap sx={{ flex: '1 1 0', minWidth: 0, mx: 2, textAlign: 'right', opacity: 0.9, display: { xs: 'none', md: 'block' } }}>
        {translate('app.city')} {translate('app.subtitle')}
      </Typography>
      <RoleChip />
    </AppBar>
  );
}

export function Layout(props: LayoutProps) {
  useDocumentLang();
  return (
    <ProgressLabels>
      <RaLayout {...props} appBar={MyAppBar} menu={Menu} />
    </ProgressLabels>
  );
}
