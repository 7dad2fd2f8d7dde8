import TodayIcon from '@mui/icons-material/Today';
import { Menu, useCanAccess, useGetIdentity, useTranslate } from 'react-admin';
import { TODAY_BOARD_PATH } from './board';

// 本日の予約, for every role that may read the appointments: counter staff's second
// screen (after the quick entry, before the dashboard); after the dashboard for the others.
export function TodayBoardMenuItem({ counterFirst = false }: { counterFirst?: boolean }) {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { canAccess } = useCanAccess({ resource: 'appointments', action: 'list' });
  if (!canAccess || !identity || (identity.role === 'counter') !== counterFirst) return null;
  return <Menu.Item to={TODAY_BOARD_PATH} primaryText={translate('resources.desks.menu_today')} leftIcon={<TodayIcon />} data-testid="menu-today" />;
}
