import SecurityIcon from '@mui/icons-material/Security';
import { Menu, useTranslate } from 'react-admin';
import { SECURITY_PATH } from '../authProvider';

// Every signed-in user has a security page (their second factor and sessions).
export function SecurityMenuItem() {
  const translate = useTranslate();
  return <Menu.Item to={SECURITY_PATH} primaryText={translate('resources.security.name')} leftIcon={<SecurityIcon />} />;
}
