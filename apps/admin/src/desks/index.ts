import StorefrontIcon from '@mui/icons-material/Storefront';
import { lazyNamed } from '../common/lazyNamed';

export default {
  list: lazyNamed(() => import('./DeskList'), 'DeskList'),
  show: lazyNamed(() => import('./DeskShow'), 'DeskShow'),
  edit: lazyNamed(() => import('./DeskEdit'), 'DeskEdit'),
  create: lazyNamed(() => import('./DeskCreate'), 'DeskCreate'),
  icon: StorefrontIcon,
  recordRepresentation: 'name',
};
