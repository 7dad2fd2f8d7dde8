import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import { AssistanceQuickEntry } from './AssistanceQuickEntry';
import { AssistanceRecordEdit } from './AssistanceRecordEdit';
import { AssistanceRecordList } from './AssistanceRecordList';
import { AssistanceRecordShow } from './AssistanceRecordShow';

// `create` is the quick-entry screen: every "create" link lands where counter staff work.
export default {
  list: AssistanceRecordList,
  show: AssistanceRecordShow,
  edit: AssistanceRecordEdit,
  create: AssistanceQuickEntry,
  icon: SupportAgentIcon,
  recordRepresentation: (r: { id: number }) => `#${r.id}`,
};
