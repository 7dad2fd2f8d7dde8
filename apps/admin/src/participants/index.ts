import BadgeIcon from '@mui/icons-material/Badge';
import { ParticipantList } from './ParticipantList';
import { ParticipantShow } from './ParticipantShow';

export default {
  list: ParticipantList,
  show: ParticipantShow,
  icon: BadgeIcon,
  recordRepresentation: 'participantRef',
};
