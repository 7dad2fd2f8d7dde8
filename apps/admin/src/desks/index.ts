import StorefrontIcon from '@mui/icons-material/Storefront';
import { DeskCreate } from './DeskCreate';
import { DeskEdit } from './DeskEdit';
import { DeskList } from './DeskList';
import { DeskShow } from './DeskShow';

export default {
  list: DeskList,
  show: DeskShow,
  edit: DeskEdit,
  create: DeskCreate,
  icon: StorefrontIcon,
  recordRepresentation: 'name',
};
