import { z } from 'zod';
import { LanguageSchema } from '../common/language';

/** A serial line as the OS names it. Paths are configuration: ptys and USB adapters are not listed reliably. */
export const SerialPortConfigSchema = z.object({
  path: z.string().min(1, 'give the device path, for example /dev/ttyUSB0'),
  baudRate: z.number().int().positive().default(9600),
}).strict();
export type SerialPortConfig = z.infer<typeof SerialPortConfigSchema>;

export const ThermometerConfigSchema = z.object({
  serial: SerialPortConfigSchema,
  /**
   * Demo and test kiosks: the host opens a pty pair with socat, the kiosk side at `serial.path`,
   * and a simulator writes real Temperature Measurement frames into the other side.
   */
  simulator: z.object({
    everySeconds: z.number().positive().max(3600).default(4),
    celsius: z.number().min(30).max(45).default(36.8),
  }).strict().optional(),
}).strict();
export type ThermometerConfig = z.infer<typeof ThermometerConfigSchema>;

export const ProfileSchema = z.object({
  kiosk: z.object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'use lowercase letters, digits and dashes (2 to 63)'),
    name: z.string().min(1),
  }).strict(),
  languages: z.object({
    offered: z.array(LanguageSchema).min(1).refine((l) => new Set(l).size === l.length, 'list each language once'),
    default: LanguageSchema,
  }).strict().refine((l) => l.offered.includes(l.default), {
    message: 'the default language must be one of the offered languages', path: ['default'],
  }),
  session: z.object({
    /** Seconds without a touch before the inactivity warning shows. */
    idleTimeoutSeconds: z.number().int().min(5).max(3600).default(90),
    /** Seconds the warning counts down before the visit ends. */
    idleWarningSeconds: z.number().int().min(3).max(300).default(20),
    /** Seconds the end screen stays before the wipe. */
    endScreenSeconds: z.number().int().min(1).max(120).default(8),
    /** Seconds between wipe attempts while the kiosk is out of service after a failed wipe. */
    wipeRetrySeconds: z.number().int().min(1).max(3600).default(30),
  }).strict().default({ idleTimeoutSeconds: 90, idleWarningSeconds: 20, endScreenSeconds: 8, wipeRetrySeconds: 30 }),
  shell: z.object({
    /**
     * Lets `--test-cdp-port` expose the Chromium shell's DevTools protocol on loopback so that
     * end-to-end tests can drive the real kiosk. Never on a kiosk in public service.
     */
    allowTestAutomation: z.boolean().default(false),
  }).strict().default({ allowTestAutomation: false }),
  devices: z.object({
    thermometer: ThermometerConfigSchema.optional(),
  }).strict().default({}),
}).strict();
export type Profile = z.infer<typeof ProfileSchema>;
