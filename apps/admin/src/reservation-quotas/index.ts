import EventSeatIcon from '@mui/icons-material/EventSeat';
import { lazyNamed } from '../common/lazyNamed';

export default {
  list: lazyNamed(() => import('./ReservationQuotaList'), 'ReservationQuotaList'),
  show: lazyNamed(() => import('./ReservationQuotaShow'), 'ReservationQuotaShow'),
  edit: lazyNamed(() => import('./ReservationQuotaEdit'), 'ReservationQuotaEdit'),
  create: lazyNamed(() => import('./ReservationQuotaCreate'), 'ReservationQuotaCreate'),
  icon: EventSeatIcon,
  recordRepresentation: 'name',
};
