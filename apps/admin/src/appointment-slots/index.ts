import EventNoteIcon from '@mui/icons-material/EventNote';
import { lazyNamed } from '../common/lazyNamed';

export default {
  list: lazyNamed(() => import('./AppointmentSlotList'), 'AppointmentSlotList'),
  show: lazyNamed(() => import('./AppointmentSlotShow'), 'AppointmentSlotShow'),
  edit: lazyNamed(() => import('./AppointmentSlotEdit'), 'AppointmentSlotEdit'),
  create: lazyNamed(() => import('./AppointmentSlotCreate'), 'AppointmentSlotCreate'),
  icon: EventNoteIcon,
  recordRepresentation: (r: { id: number; startsAt?: string }) => `#${r.id}`,
};
