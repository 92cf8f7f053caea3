/**
 * Electron IPC channel names. Kept apart from the zod schemas so the sandboxed preload, which
 * bundles everything it imports, stays a few kilobytes.
 */
export const IPC_CHANNELS = { rendererEvent: 'borne:renderer-event', hostMessage: 'borne:host-message' } as const;
