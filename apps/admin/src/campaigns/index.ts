import CampaignIcon from '@mui/icons-material/Campaign';
import { lazyNamed } from '../common/lazyNamed';

export default {
  list: lazyNamed(() => import('./CampaignList'), 'CampaignList'),
  show: lazyNamed(() => import('./CampaignShow'), 'CampaignShow'),
  edit: lazyNamed(() => import('./CampaignEdit'), 'CampaignEdit'),
  create: lazyNamed(() => import('./CampaignCreate'), 'CampaignCreate'),
  icon: CampaignIcon,
  recordRepresentation: 'name',
};
