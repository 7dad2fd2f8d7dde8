import LoyaltyIcon from '@mui/icons-material/Loyalty';
import { PointAwardCreate } from './PointAwardCreate';
import { PointAwardList } from './PointAwardList';
import { PointAwardShow } from './PointAwardShow';

export default {
  list: PointAwardList,
  show: PointAwardShow,
  create: PointAwardCreate,
  icon: LoyaltyIcon,
  recordRepresentation: 'externalId',
};
