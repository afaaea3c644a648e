// `npm start`: build what is missing, then run the API, which also serves the web app.
import { join } from 'node:path';
import { ensureBuild, root } from './ensure-build.mjs';

ensureBuild({ web: true });
await import(join(root, 'apps/api/dist/main.js'));
