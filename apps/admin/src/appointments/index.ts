import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { lazyNamed } from '../common/lazyNamed';

export default {
  list: lazyNamed(() => import('./AppointmentList'), 'AppointmentList'),
  show: lazyNamed(() => import('./AppointmentShow'), 'AppointmentShow'),
  edit: lazyNamed(() => import('./AppointmentEdit'), 'AppointmentEdit'),
  create: lazyNamed(() => import('./AppointmentCreate'), 'AppointmentCreate'),
  icon: EventAvailableIcon,
  recordRepresentation: (r: { id: number }) => `#${r.id}`,
};
