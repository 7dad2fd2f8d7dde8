import PaymentIcon from '@mui/icons-material/Payment';
import { PaymentServiceCreate } from './PaymentServiceCreate';
import { PaymentServiceEdit } from './PaymentServiceEdit';
import { PaymentServiceList } from './PaymentServiceList';
import { PaymentServiceShow } from './PaymentServiceShow';

export default {
  list: PaymentServiceList,
  show: PaymentServiceShow,
  edit: PaymentServiceEdit,
  create: PaymentServiceCreate,
  icon: PaymentIcon,
  recordRepresentation: 'name',
};
