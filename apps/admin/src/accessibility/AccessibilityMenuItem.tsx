import AccessibilityNewIcon from '@mui/icons-material/AccessibilityNew';
import { Menu, useTranslate } from 'react-admin';

// Last in every role's menu: the accessibility statement.
export function AccessibilityMenuItem() {
  const translate = useTranslate();
  return <Menu.Item to="/accessibility" primaryText={translate('resources.accessibility.name')} leftIcon={<AccessibilityNewIcon />} />;
}
