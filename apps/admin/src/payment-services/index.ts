import PaymentIcon from '@mui/icons-material/Payment';
import { lazyNamed } from '../common/lazyNamed';

export default {
  list: lazyNamed(() => import('./PaymentServiceList'), 'PaymentServiceList'),
  show: lazyNamed(() => import('./PaymentServiceShow'), 'PaymentServiceShow'),
  edit: lazyNamed(() => import('./PaymentServiceEdit'), 'PaymentServiceEdit'),
  create: lazyNamed(() => import('./PaymentServiceCreate'), 'PaymentServiceCreate'),
  icon: PaymentIcon,
  recordRepresentation: 'name',
};
