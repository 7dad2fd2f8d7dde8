import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import { lazyNamed } from '../common/lazyNamed';

// `create` is the quick-entry screen: every "create" link lands where counter staff work.
export default {
  list: lazyNamed(() => import('./AssistanceRecordList'), 'AssistanceRecordList'),
  show: lazyNamed(() => import('./AssistanceRecordShow'), 'AssistanceRecordShow'),
  edit: lazyNamed(() => import('./AssistanceRecordEdit'), 'AssistanceRecordEdit'),
  create: lazyNamed(() => import('./AssistanceQuickEntry'), 'AssistanceQuickEntry'),
  icon: SupportAgentIcon,
  recordRepresentation: (r: { id: number }) => `#${r.id}`,
};
