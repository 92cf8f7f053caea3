/**
 * How the host describes the devices it wants, shaped exactly like the profile's `devices` section
 * (kiosk-config/schema.ts). Declared here so that devices/ depends on common/ only; a type test in
 * tests/unit/devices checks that a parsed profile's `devices` is assignable to `DevicesConfig`.
 */
export interface SerialLineConfig {
  /** A device path such as /dev/ttyUSB0; ptys and USB adapters are not listed reliably, so it is configured. */
  path: string;
  baudRate: number;
}

export interface ThermometerConfig {
  serial: SerialLineConfig;
  /** Demo and test kiosks: a pty pair replaces the device and a simulator writes real frames into it. */
  simulator?: { everySeconds: number; celsius: number };
}

export interface DevicesConfig {
  thermometer?: ThermometerConfig;
}
