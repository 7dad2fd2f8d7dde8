import FlagIcon from '@mui/icons-material/Flag';
import { lazyNamed } from '../common/lazyNamed';

export default {
  list: lazyNamed(() => import('./TargetList'), 'TargetList'),
  edit: lazyNamed(() => import('./TargetEdit'), 'TargetEdit'),
  create: lazyNamed(() => import('./TargetCreate'), 'TargetCreate'),
  icon: FlagIcon,
  recordRepresentation: 'name',
};
