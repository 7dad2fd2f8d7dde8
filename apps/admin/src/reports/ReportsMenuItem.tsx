import AssessmentIcon from '@mui/icons-material/Assessment';
import { Menu, useCanAccess, useTranslate } from 'react-admin';

export function ReportsMenuItem() {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'reports', action: 'show' });
  if (!canAccess) return null;
  return <Menu.Item to="/reports" primaryText={translate('resources.reports.name')} leftIcon={<AssessmentIcon />} />;
}
