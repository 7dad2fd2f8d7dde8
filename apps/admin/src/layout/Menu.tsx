import { Menu as RaMenu } from 'react-admin';
import { AccessibilityMenuItem } from '../accessibility/AccessibilityMenuItem';
import { QuickEntryMenuItem } from '../assistance-records/QuickEntryMenuItem';
import { ReportsMenuItem } from '../reports/ReportsMenuItem';

// react-admin's menu (dashboard, then every resource the role may list), with the
// counter staff's quick entry first and the accessibility statement last.
export function Menu() {
  return (
    <RaMenu>
      <QuickEntryMenuItem />
      <RaMenu.DashboardItem />
      <RaMenu.ResourceItems />
      <ReportsMenuItem />
      <AccessibilityMenuItem />
    </RaMenu>
  );
}
