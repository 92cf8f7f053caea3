import path from 'node:path';
import { checkCatalog } from '../kiosk-config/catalog-check';
import { findAppRoot } from './app-paths';

/** `npm run catalog -- check [--dir <path>]`: validates the procedure catalog (kiosk-config/catalog-check.ts). */
const outcome = await checkCatalog(process.argv.slice(2), path.join(findAppRoot(), 'kiosk-config', 'catalog'));
(outcome.exitCode === 0 ? process.stdout : process.stderr).write(`${outcome.output}\n`);
process.exitCode = outcome.exitCode;
