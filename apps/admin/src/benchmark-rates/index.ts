import PublicIcon from '@mui/icons-material/Public';
import { BenchmarkRateCreate } from './BenchmarkRateCreate';
import { BenchmarkRateEdit } from './BenchmarkRateEdit';
import { BenchmarkRateList } from './BenchmarkRateList';

export default {
  list: BenchmarkRateList,
  edit: BenchmarkRateEdit,
  create: BenchmarkRateCreate,
  icon: PublicIcon,
  recordRepresentation: 'asOf',
};
