import RuleIcon from '@mui/icons-material/Rule';
import { lazyNamed } from '../common/lazyNamed';

export default {
  list: lazyNamed(() => import('./MeasureList'), 'MeasureList'),
  show: lazyNamed(() => import('./MeasureShow'), 'MeasureShow'),
  edit: lazyNamed(() => import('./MeasureEdit'), 'MeasureEdit'),
  create: lazyNamed(() => import('./MeasureCreate'), 'MeasureCreate'),
  icon: RuleIcon,
  recordRepresentation: 'name',
};
