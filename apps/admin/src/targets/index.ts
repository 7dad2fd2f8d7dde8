import FlagIcon from '@mui/icons-material/Flag';
import { TargetCreate } from './TargetCreate';
import { TargetEdit } from './TargetEdit';
import { TargetList } from './TargetList';

export default {
  list: TargetList,
  edit: TargetEdit,
  create: TargetCreate,
  icon: FlagIcon,
  recordRepresentation: 'name',
};
