import type { ReportedDevice } from '../../../../common/fleet-messages';
import { said, TEXTS } from '../texts';
import { HeaderRow } from '../components/HeaderRow';

export function DevicesTable({ devices }: { devices: readonly ReportedDevice[] }) {
  const t = TEXTS.kiosk;
  return (
    <section aria-labelledby="devices-title">
      <h2 id="devices-title">{t.devices}</h2>
      {devices.length === 0 ? <p>{t.noDevices}</p> : (
        <table>
          <HeaderRow columns={t.deviceColumns} />
          <tbody>
            {devices.map((device) => (
              <tr key={device.id}>
                <th scope="row">{device.id}</th>
                <td>{device.kind}</td>
                <td><span className={`badge health-${device.state}`}>{said(TEXTS.deviceStates, device.state)}</span></td>
                <td>{device.paper ?? TEXTS.common.none}</td>
                <td>{device.lastError ?? TEXTS.common.none}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
