import type { DeviceHealth, DeviceHealthState, DeviceKind, PrinterCondition } from '../../../common/devices';

/** The words a staff screen gives the list, in its own language and voice. */
export interface HealthWords {
  deviceName(kind: DeviceKind): string;
  state: Record<DeviceHealthState, string>;
  /** "Last fault at 14:32: …" */
  lastError(time: string, message: string): string;
  counts(malformedFrames: number, refusedReadings: number): string;
  /** A printer's paper and cover, "Paper: nearly out · Cover open"; without it, not shown. */
  paper?(condition: PrinterCondition): string;
  none: string;
  /** The language times are written in. */
  lang: string;
}

/**
 * Each device's health for staff (admin panel, agent view): its state in words, a printer's paper, the
 * last fault with its time and its technical reason, and the bad frames and refused readings counted
 * since the host started.
 * Never shown to the citizen, whose screens say only that a device is not available.
 */
export function DeviceHealthList({ health, words }: { health: readonly DeviceHealth[]; words: HealthWords }) {
  if (health.length === 0) return <p>{words.none}</p>;
  return (
    <ul className="device-health">
      {health.map((device) => (
        <li key={device.id} className={`device-health__item device-health__item--${device.state}`} data-device={device.id} data-health={device.state}>
          <span className="device-health__name">{words.deviceName(device.kind)}</span>
          <span className="device-health__state">{words.state[device.state]}</span>
          {device.printer && words.paper && (
            <span className="device-health__detail" data-paper={device.printer.paper} data-cover={device.printer.cover}>{words.paper(device.printer)}</span>
          )}
          {device.lastError && (
            <span className="device-health__detail">
              {/* The reason is technical English: isolated, so that it keeps its order inside an Arabic line. */}
              {words.lastError(new Date(device.lastError.at).toLocaleTimeString(words.lang, { hour: '2-digit', minute: '2-digit' }), `\u2068${device.lastError.message}\u2069`)}
            </span>
          )}
          {(device.malformedFrames > 0 || device.refusedReadings > 0) && (
            <span className="device-health__detail">{words.counts(device.malformedFrames, device.refusedReadings)}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
