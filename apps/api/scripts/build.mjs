// `npm run build`: rebuild the API and the admin UI from scratch.
import { buildAdmin, buildApi, ensureDependencies } from './prepare.mjs';

ensureDependencies();
await buildApi({ force: true });
buildAdmin({ force: true });
