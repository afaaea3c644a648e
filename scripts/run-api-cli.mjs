// Runs an API command-line task (migrate, generate-migration, admin-create) from the build.
import { join } from 'node:path';
import { ensureBuild, root } from './ensure-build.mjs';

ensureBuild({ web: false });
await import(join(root, 'apps/api/dist/cli/main.js'));
