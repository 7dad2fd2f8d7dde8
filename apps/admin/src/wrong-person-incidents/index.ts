import PersonOffIcon from '@mui/icons-material/PersonOff';
import { lazyNamed } from '../common/lazyNamed';

export default {
  list: lazyNamed(() => import('./IncidentList'), 'IncidentList'),
  show: lazyNamed(() => import('./IncidentShow'), 'IncidentShow'),
  edit: lazyNamed(() => import('./IncidentEdit'), 'IncidentEdit'),
  create: lazyNamed(() => import('./IncidentCreate'), 'IncidentCreate'),
  icon: PersonOffIcon,
  recordRepresentation: (r: { id: number }) => `#${r.id}`,
};
