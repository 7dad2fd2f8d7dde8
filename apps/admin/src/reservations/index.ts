import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { lazyNamed } from '../common/lazyNamed';

export default {
  list: lazyNamed(() => import('./ReservationList'), 'ReservationList'),
  show: lazyNamed(() => import('./ReservationShow'), 'ReservationShow'),
  edit: lazyNamed(() => import('./ReservationEdit'), 'ReservationEdit'),
  create: lazyNamed(() => import('./ReservationCreate'), 'ReservationCreate'),
  icon: EventAvailableIcon,
  recordRepresentation: 'participantRef',
};
