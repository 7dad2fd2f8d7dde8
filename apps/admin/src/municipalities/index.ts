import LocationCityIcon from '@mui/icons-material/LocationCity';
import { MunicipalityCreate } from './MunicipalityCreate';
import { MunicipalityEdit } from './MunicipalityEdit';
import { MunicipalityList } from './MunicipalityList';
import { MunicipalityShow } from './MunicipalityShow';

export default {
  list: MunicipalityList,
  show: MunicipalityShow,
  edit: MunicipalityEdit,
  create: MunicipalityCreate,
  icon: LocationCityIcon,
  recordRepresentation: 'name',
};
