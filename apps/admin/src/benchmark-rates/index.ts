import PublicIcon from '@mui/icons-material/Public';
import { lazyNamed } from '../common/lazyNamed';

export default {
  list: lazyNamed(() => import('./BenchmarkRateList'), 'BenchmarkRateList'),
  edit: lazyNamed(() => import('./BenchmarkRateEdit'), 'BenchmarkRateEdit'),
  create: lazyNamed(() => import('./BenchmarkRateCreate'), 'BenchmarkRateCreate'),
  icon: PublicIcon,
  recordRepresentation: 'asOf',
};
