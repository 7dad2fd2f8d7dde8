import { Menu as RaMenu, useResourceDefinitions } from 'react-admin';
import { AccessibilityMenuItem } from '../accessibility/AccessibilityMenuItem';
import { QuickEntryMenuItem } from '../assistance-records/QuickEntryMenuItem';
import { TodayBoardMenuItem } from '../desks/TodayBoardMenuItem';
import { MunicipalitySettingsMenuItem, useOwnSettingsOnly } from '../municipalities/MunicipalitySettingsMenuItem';
import { ReportsMenuItem } from '../reports/ReportsMenuItem';
import { SecurityMenuItem } from '../security/SecurityMenuItem';
import { readSession } from '../session';

// Every resource the role may list (each item checks canAccess), except the
// municipalities list for a municipality's admin, who gets 自治体の設定 instead.
function ResourceItems() {
  const resources = useResourceDefinitions();
  const ownSettingsOnly = useOwnSettingsOnly();
  return (
    <>
      {Object.keys(resources)
        .filter((name) => resources[name].hasList && !(name === 'municipalities' && ownSettingsOnly))
        .map((name) => (
          <RaMenu.ResourceItem key={name} name={name} />
        ))}
    </>
  );
}

// react-admin's menu (dashboard, then every resource the role may list), with the
// counter staff's quick entry first, the day's appointments next, everyone's security page and the accessibility statement last.
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
      <TodayBoardMenuItem counterFirst />
      <RaMenu.DashboardItem />
      <TodayBoardMenuItem />
      <ResourceItems />
      <ReportsMenuItem />
      <MunicipalitySettingsMenuItem />
      <SecurityMenuItem />
      <AccessibilityMenuItem />
    </RaMenu>
  );
}
