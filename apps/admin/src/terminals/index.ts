import ComputerIcon from '@mui/icons-material/Computer';
import { TerminalCreate } from './TerminalCreate';
import { TerminalEdit } from './TerminalEdit';
import { TerminalList } from './TerminalList';
import { TerminalShow } from './TerminalShow';

export default {
  list: TerminalList,
  show: TerminalShow,
  edit: TerminalEdit,
  create: TerminalCreate,
  icon: ComputerIcon,
  recordRepresentation: 'name',
};
