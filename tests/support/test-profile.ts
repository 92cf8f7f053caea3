import { fileURLToPath } from 'node:url';

/**
 * The profile end-to-end kiosks and benches run on: short timeouts, no devices, test automation allowed
 * (kiosk.purpose "test"). A test fixture, so it lives under tests/ and never ships with the product.
 * An absolute path: the host takes anything with a slash as a file, wherever it was started from.
 */
export const TEST_PROFILE = fileURLToPath(new URL('../fixtures/profiles/test.json', import.meta.url));
