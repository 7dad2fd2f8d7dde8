import RuleIcon from '@mui/icons-material/Rule';
import { MeasureCreate } from './MeasureCreate';
import { MeasureEdit } from './MeasureEdit';
import { MeasureList } from './MeasureList';
import { MeasureShow } from './MeasureShow';

export default {
  list: MeasureList,
  show: MeasureShow,
  edit: MeasureEdit,
  create: MeasureCreate,
  icon: RuleIcon,
  recordRepresentation: 'name',
};
