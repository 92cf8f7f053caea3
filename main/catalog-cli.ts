import { checkCatalog } from '../kiosk-config/catalog-check';
import { appPaths } from './app-paths';

/** `npm run catalog -- check [--dir <path>]`: validates the procedure catalog (kiosk-config/catalog-check.ts). */
const outcome = await checkCatalog(process.argv.slice(2), appPaths().catalogDir);
(outcome.exitCode === 0 ? process.stdout : process.stderr).write(`${outcome.output}\n`);
process.exitCode = outcome.exitCode;
