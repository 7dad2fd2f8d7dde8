import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import { lazyNamed } from '../common/lazyNamed';

export default {
  list: lazyNamed(() => import('./ApplicationList'), 'ApplicationList'),
  show: lazyNamed(() => import('./ApplicationShow'), 'ApplicationShow'),
  edit: lazyNamed(() => import('./ApplicationEdit'), 'ApplicationEdit'),
  create: lazyNamed(() => import('./ApplicationCreate'), 'ApplicationCreate'),
  icon: AssignmentTurnedInIcon,
  recordRepresentation: 'participantRef',
};
