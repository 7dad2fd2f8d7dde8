import EditNoteIcon from '@mui/icons-material/EditNote';
import { Menu, useGetIdentity, useTranslate } from 'react-admin';
import { QUICK_ENTRY_PATH } from './quickEntry';

// At the top of the menu for counter staff: their everyday screen.
export function QuickEntryMenuItem() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  if (identity?.role !== 'counter') return null;
  return (
    <Menu.Item
      to={QUICK_ENTRY_PATH}
      primaryText={translate('resources.assistance-records.menu')}
      leftIcon={<EditNoteIcon />}
      // The label is long in Japanese: let it wrap rather than cut it off.
      sx={{ whiteSpace: 'normal', '& .MuiTypography-noWrap': { whiteSpace: 'normal', lineHeight: 1.3 } }}
    />
  );
}
