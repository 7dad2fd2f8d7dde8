import { Menu as RaMenu } from 'react-admin';
import { QuickEntryMenuItem } from '../assistance-records/QuickEntryMenuItem';
import { ReportsMenuItem } from '../reports/ReportsMenuItem';
import { SecurityMenuItem } from '../security/SecurityMenuItem';
import { readSession } from '../session';

// react-admin's menu (dashboard, then every resource the role may list), with the
// counter staff's quick entry first and everyone's security page last.
export function Menu() {
  // Until a required second factor is set up, the security page is all there is.
  if (readSession()?.setupRequired) {
    return (
      <RaMenu>
        <SecurityMenuItem />
      </RaMenu>
    );
  }
  return (
    <RaMenu>
      <QuickEntryMenuItem />
      <RaMenu.DashboardItem />
      <RaMenu.ResourceItems />
      <ReportsMenuItem />
      <SecurityMenuItem />
    </RaMenu>
  );
}
