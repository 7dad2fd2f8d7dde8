import ReportIcon from '@mui/icons-material/ReportGmailerrorred';
import { FraudAlertCreate } from './FraudAlertCreate';
import { FraudAlertEdit } from './FraudAlertEdit';
import { FraudAlertList } from './FraudAlertList';
import { FraudAlertShow } from './FraudAlertShow';

export default {
  list: FraudAlertList,
  show: FraudAlertShow,
  edit: FraudAlertEdit,
  create: FraudAlertCreate,
  icon: ReportIcon,
  recordRepresentation: (r: { id: number; noticeTitle?: string | null }) => r.noticeTitle || `#${r.id}`,
};
