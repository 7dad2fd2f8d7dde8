import { Menu as RaMenu } from 'react-admin';
import { QuickEntryMenuItem } from '../assistance-records/QuickEntryMenuItem';
import { ReportsMenuItem } from '../reports/ReportsMenuItem';

// react-admin's menu (dashboard, then every resource the role may list), with the
// counter staff's quick entry first.
export function Menu() {
  return (
    <RaMenu>
      <QuickEntryMenuItem />
      <RaMenu.DashboardItem />
      <RaMenu.ResourceItems />
      <ReportsMenuItem />
    </RaMenu>
  );
}
