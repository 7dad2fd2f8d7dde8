import EventSeatIcon from '@mui/icons-material/EventSeat';
import { ReservationQuotaCreate } from './ReservationQuotaCreate';
import { ReservationQuotaEdit } from './ReservationQuotaEdit';
import { ReservationQuotaList } from './ReservationQuotaList';
import { ReservationQuotaShow } from './ReservationQuotaShow';

export default {
  list: ReservationQuotaList,
  show: ReservationQuotaShow,
  edit: ReservationQuotaEdit,
  create: ReservationQuotaCreate,
  icon: EventSeatIcon,
  recordRepresentation: 'name',
};
