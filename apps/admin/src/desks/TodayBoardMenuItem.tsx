import TodayIcon from '@mui/icons-material/Today';
import { Menu, useCanAccess, useTranslate } from 'react-admin';
import { TODAY_BOARD_PATH } from './board';

// 本日の予約, near the top of the menu for every role that may read the appointments.
export function TodayBoardMenuItem() {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'appointments', action: 'list' });
  if (!canAccess) return null;
  return <Menu.Item to={TODAY_BOARD_PATH} primaryText={translate('resources.desks.menu_today')} leftIcon={<TodayIcon />} data-testid="menu-today" />;
}
