import LoyaltyIcon from '@mui/icons-material/Loyalty';
import { lazyNamed } from '../common/lazyNamed';

export default {
  list: lazyNamed(() => import('./PointAwardList'), 'PointAwardList'),
  show: lazyNamed(() => import('./PointAwardShow'), 'PointAwardShow'),
  create: lazyNamed(() => import('./PointAwardCreate'), 'PointAwardCreate'),
  icon: LoyaltyIcon,
  recordRepresentation: 'externalId',
};
