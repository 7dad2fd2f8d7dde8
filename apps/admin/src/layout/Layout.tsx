import { Chip, Typography } from '@mui/material';
import { AppBar, Layout as RaLayout, TitlePortal, useGetIdentity, useTranslate, type LayoutProps } from 'react-admin';
import { PREFECTURE, ROLE } from '@mynapoint/domain';
import { useLang } from '../common/enums';
import { useSettings } from '../common/settings';
import { PageLoading } from '../common/PageLoading';
import { ProgressLabels } from '../common/ProgressLabels';
import { useDocumentLang } from '../common/useDocumentLang';
import { Menu } from './Menu';
import { Suspense, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { SECURITY_PATH } from '../authProvider';
import { readSession } from '../session';

function RoleChip() {
  const { identity } = useGetIdentity();
  const lang = useLang();
  if (!identity?.role) return null;
  return <Chip size="small" color="default" sx={{ bgcolor: 'rgba(255,255,255,0.85)', mr: 1, flexShrink: 0 }} label={ROLE.label(identity.role, lang)} data-testid="role-chip" />;
}

// Whose data this is: the signed-in user's municipality, a prefecture user's prefecture,
// or the installation (the operator's view of every municipality).
function useWhose(): string {
  const translate = useTranslate();
  const lang = useLang();
  const { cityName, prefectureCode } = useSettings();
  const { identity } = useGetIdentity();
  if (cityName) return cityName;
  if (prefectureCode) return PREFECTURE.label(prefectureCode, lang);
  return identity?.role === 'operator' ? translate('app.installation') : '';
}

function MyAppBar() {
  const translate = useTranslate();
  const whose = useWhose();
  return (
    <AppBar>
      {/* The page title comes first: it keeps its whole width while the header has
          room, and the city's subtitle gets what is left (cut short first). A spacer
          beside the title used to take half the room, and titles were cut with room
          to spare. */}
      <TitlePortal sx={{ flex: '0 1 auto' }} />
      <Typography variant="body2" noWrap sx={{ flex: '1 1 0', minWidth: 0, mx: 2, textAlign: 'right', opacity: 0.9, display: { xs: 'none', md: 'block' } }}>
        <span data-testid="header-municipality">{whose}</span> {translate('app.subtitle')}
      </Typography>
      <RoleChip />
    </AppBar>
  );
}

// A role that must use a second factor and has none may only set it up: every other
// screen would be refused by the server anyway (403), so the UI goes straight there.
function SetupGate({ children }: { children: ReactNode }) {
  const location = useLocation();
  if (readSession()?.setupRequired && location.pathname !== SECURITY_PATH) return <Navigate to={SECURITY_PATH} replace />;
  return <>{children}</>;
}

export function Layout(props: LayoutProps) {
  useDocumentLang();
  return (
    <ProgressLabels>
      <RaLayout {...props} appBar={MyAppBar} menu={Menu}>
        <SetupGate>
          {/* Pages load when first opened (lazyNamed): their own loading state, named, inside the frame. */}
          <Suspense fallback={<PageLoading />}>{props.children}</Suspense>
        </SetupGate>
      </RaLayout>
    </ProgressLabels>
  );
}
