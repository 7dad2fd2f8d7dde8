import CreditCardIcon from '@mui/icons-material/CreditCard';
import { lazyNamed } from '../common/lazyNamed';

export default {
  list: lazyNamed(() => import('./PopulationFigureList'), 'PopulationFigureList'),
  show: lazyNamed(() => import('./PopulationFigureShow'), 'PopulationFigureShow'),
  edit: lazyNamed(() => import('./PopulationFigureEdit'), 'PopulationFigureEdit'),
  create: lazyNamed(() => import('./PopulationFigureCreate'), 'PopulationFigureCreate'),
  icon: CreditCardIcon,
  recordRepresentation: (r: { asOf: string; district: string }) => `${r.asOf} ${r.district}`,
};
