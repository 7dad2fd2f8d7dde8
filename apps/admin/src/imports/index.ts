import UploadFileIcon from '@mui/icons-material/UploadFile';
import { lazyNamed } from '../common/lazyNamed';

export default {
  list: lazyNamed(() => import('./ImportList'), 'ImportList'),
  show: lazyNamed(() => import('./ImportShow'), 'ImportShow'),
  create: lazyNamed(() => import('./ImportCreate'), 'ImportCreate'),
  icon: UploadFileIcon,
  recordRepresentation: 'filename',
};
