import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { ReservationCreate } from './ReservationCreate';
import { ReservationEdit } from './ReservationEdit';
import { ReservationList } from './ReservationList';
import { ReservationShow } from './ReservationShow';

export default {
  list: ReservationList,
  show: ReservationShow,
  edit: ReservationEdit,
  create: ReservationCreate,
  icon: EventAvailableIcon,
  recordRepresentation: 'participantRef',
};
