import { useTranslate } from 'react-admin';
import { REQUESTED_ITEM } from '@mynapoint/domain';
import { ToggleChipsInput } from '../common/ToggleChipsInput';

// One click per item: chips toggle on and off, so a report takes seconds. One Tab
// stop; the arrow keys move between the items and Space toggles one.
export function RequestedItemsInput({ source = 'requestedItems' }: { source?: string }) {
  const translate = useTranslate();
  return (
    <ToggleChipsInput
      source={source}
      enumDef={REQUESTED_ITEM}
      multiple
      size="small"
      label={translate(`resources.fraud-alerts.fields.${source}`)}
      helperText={translate('resources.fraud-alerts.helper.requestedItems')}
    />
  );
}
