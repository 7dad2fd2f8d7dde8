import PeopleIcon from '@mui/icons-material/People';
import { lazyNamed } from '../common/lazyNamed';

export default {
  list: lazyNamed(() => import('./UserList'), 'UserList'),
  edit: lazyNamed(() => import('./UserEdit'), 'UserEdit'),
  create: lazyNamed(() => import('./UserCreate'), 'UserCreate'),
  icon: PeopleIcon,
  recordRepresentation: 'displayName',
};
