import HistoryIcon from '@mui/icons-material/History';
import { lazyNamed } from '../common/lazyNamed';

export default {
  list: lazyNamed(() => import('./AuditLogList'), 'AuditLogList'),
  show: lazyNamed(() => import('./AuditLogShow'), 'AuditLogShow'),
  icon: HistoryIcon,
};
