import PersonOffIcon from '@mui/icons-material/PersonOff';
import { IncidentCreate } from './IncidentCreate';
import { IncidentEdit } from './IncidentEdit';
import { IncidentList } from './IncidentList';
import { IncidentShow } from './IncidentShow';

export default {
  list: IncidentList,
  show: IncidentShow,
  edit: IncidentEdit,
  create: IncidentCreate,
  icon: PersonOffIcon,
  recordRepresentation: (r: { id: number }) => `#${r.id}`,
};
