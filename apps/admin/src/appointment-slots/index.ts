import EventNoteIcon from '@mui/icons-material/EventNote';
import { AppointmentSlotCreate } from './AppointmentSlotCreate';
import { AppointmentSlotEdit } from './AppointmentSlotEdit';
import { AppointmentSlotList } from './AppointmentSlotList';
import { AppointmentSlotShow } from './AppointmentSlotShow';

export default {
  list: AppointmentSlotList,
  show: AppointmentSlotShow,
  edit: AppointmentSlotEdit,
  create: AppointmentSlotCreate,
  icon: EventNoteIcon,
  recordRepresentation: (r: { id: number; startsAt?: string }) => `#${r.id}`,
};
