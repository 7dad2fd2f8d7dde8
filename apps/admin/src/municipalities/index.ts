import LocationCityIcon from '@mui/icons-material/LocationCity';
import { lazyNamed } from '../common/lazyNamed';

export default {
  list: lazyNamed(() => import('./MunicipalityList'), 'MunicipalityList'),
  show: lazyNamed(() => import('./MunicipalityShow'), 'MunicipalityShow'),
  edit: lazyNamed(() => import('./MunicipalityEdit'), 'MunicipalityEdit'),
  create: lazyNamed(() => import('./MunicipalityCreate'), 'MunicipalityCreate'),
  icon: LocationCityIcon,
  recordRepresentation: 'name',
};
