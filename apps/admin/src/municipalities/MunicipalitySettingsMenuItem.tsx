import SettingsIcon from '@mui/icons-material/Settings';
import { Menu, useCanAccess, useTranslate } from 'react-admin';

// Here, not beside the page: the menu (always loaded) links to it, the page loads when opened.
export const MUNICIPALITY_SETTINGS_PATH = '/municipality-settings';

/**
 * Who edits municipalities but does not keep them (a municipality's admin: its own row
 * only) gets 自治体の設定 instead of the 市区町村 list.
 */
export function useOwnSettingsOnly(): boolean {
  const { canAccess: edit } = useCanAccess({ resource: 'municipalities', action: 'edit' });
  const { canAccess: create } = useCanAccess({ resource: 'municipalities', action: 'create' });
  return edit === true && create === false;
}

export function MunicipalitySettingsMenuItem() {
  const translate = useTranslate();
  if (!useOwnSettingsOnly()) return null;
  return <Menu.Item to={MUNICIPALITY_SETTINGS_PATH} primaryText={translate('resources.municipalities.settings')} leftIcon={<SettingsIcon />} />;
}
