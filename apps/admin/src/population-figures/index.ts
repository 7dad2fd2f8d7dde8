import CreditCardIcon from '@mui/icons-material/CreditCard';
import { PopulationFigureCreate } from './PopulationFigureCreate';
import { PopulationFigureEdit } from './PopulationFigureEdit';
import { PopulationFigureList } from './PopulationFigureList';
import { PopulationFigureShow } from './PopulationFigureShow';

export default {
  list: PopulationFigureList,
  show: PopulationFigureShow,
  edit: PopulationFigureEdit,
  create: PopulationFigureCreate,
  icon: CreditCardIcon,
  recordRepresentation: (r: { asOf: string; district: string }) => `${r.asOf} ${r.district}`,
};
