import ComputerIcon from '@mui/icons-material/Computer';
import { lazyNamed } from '../common/lazyNamed';

export default {
  list: lazyNamed(() => import('./TerminalList'), 'TerminalList'),
  show: lazyNamed(() => import('./TerminalShow'), 'TerminalShow'),
  edit: lazyNamed(() => import('./TerminalEdit'), 'TerminalEdit'),
  create: lazyNamed(() => import('./TerminalCreate'), 'TerminalCreate'),
  icon: ComputerIcon,
  recordRepresentation: 'name',
};
