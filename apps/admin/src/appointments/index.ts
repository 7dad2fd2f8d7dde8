import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { AppointmentCreate } from './AppointmentCreate';
import { AppointmentEdit } from './AppointmentEdit';
import { AppointmentList } from './AppointmentList';
import { AppointmentShow } from './AppointmentShow';

export default {
  list: AppointmentList,
  show: AppointmentShow,
  edit: AppointmentEdit,
  create: AppointmentCreate,
  icon: EventAvailableIcon,
  recordRepresentation: (r: { id: number }) => `#${r.id}`,
};
