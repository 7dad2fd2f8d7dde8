import ReportIcon from '@mui/icons-material/ReportGmailerrorred';
import { lazyNamed } from '../common/lazyNamed';

export default {
  list: lazyNamed(() => import('./FraudAlertList'), 'FraudAlertList'),
  show: lazyNamed(() => import('./FraudAlertShow'), 'FraudAlertShow'),
  edit: lazyNamed(() => import('./FraudAlertEdit'), 'FraudAlertEdit'),
  create: lazyNamed(() => import('./FraudAlertCreate'), 'FraudAlertCreate'),
  icon: ReportIcon,
  recordRepresentation: (r: { id: number; noticeTitle?: string | null }) => r.noticeTitle || `#${r.id}`,
};
