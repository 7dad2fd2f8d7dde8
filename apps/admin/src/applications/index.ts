import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import { ApplicationCreate } from './ApplicationCreate';
import { ApplicationEdit } from './ApplicationEdit';
import { ApplicationList } from './ApplicationList';
import { ApplicationShow } from './ApplicationShow';

export default {
  list: ApplicationList,
  show: ApplicationShow,
  edit: ApplicationEdit,
  create: ApplicationCreate,
  icon: AssignmentTurnedInIcon,
  recordRepresentation: 'participantRef',
};
