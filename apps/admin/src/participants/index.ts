import BadgeIcon from '@mui/icons-material/Badge';
import { lazyNamed } from '../common/lazyNamed';

export default {
  list: lazyNamed(() => import('./ParticipantList'), 'ParticipantList'),
  show: lazyNamed(() => import('./ParticipantShow'), 'ParticipantShow'),
  icon: BadgeIcon,
  recordRepresentation: 'participantRef',
};
