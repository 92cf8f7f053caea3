import { DEVICE_KINDS } from '../../../common/devices';
import { useText } from '../i18n/useText';
import type { ScreenProps } from './screenProps';

/**
 * The administrator's panel, after a right PIN: the devices as the host sees them (technical reasons
 * included: this is for staff), maintenance mode, restart, exit to the desktop when the profile allows,
 * and close. Every button sends a command; the host acts only while the panel is open with a right PIN.
 */
export function AdminPanelScreen({ snapshot, send }: ScreenProps) {
  const t = useText(snapshot.language);
  const admin = snapshot.admin!;
  const kinds = DEVICE_KINDS.filter((kind) => snapshot.devices[kind] !== undefined);
  return (
    <main className="screen screen--admin" data-screen="admin-panel">
      <h1 className="title">{t('admin.panelTitle')}</h1>
      <section className="admin-section" aria-labelledby="admin-devices">
        <h2 id="admin-devices">{t('admin.devicesTitle')}</h2>
        {kinds.length === 0 ? <p>{t('admin.noDevices')}</p> : (
          <ul className="admin-devices">
            {kinds.map((kind) => {
              const status = snapshot.devices[kind]!;
              return (
                <li key={kind} className={`admin-device admin-device--${status.state}`}>
                  <span className="admin-device__name">{t(`${kind}.title`)}</span>
                  <span className="admin-device__state">{t(`admin.deviceState.${status.state}`)}</span>
                  {status.state === 'offline' && <span className="admin-device__reason">{status.reason}</span>}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section className="admin-section" aria-labelledby="admin-maintenance">
        <h2 id="admin-maintenance" data-maintenance={admin.maintenance ? 'on' : 'off'}>
          {admin.maintenance ? t('admin.maintenanceOn') : t('admin.maintenanceOff')}
        </h2>
        <button type="button" className="button button--choice" onClick={() => send({ type: 'ADMIN.MAINTENANCE', on: !admin.maintenance })}>
          {admin.maintenance ? t('admin.turnMaintenanceOff') : t('admin.turnMaintenanceOn')}
        </button>
      </section>
      <div className="actions">
        <button type="button" className="button button--choice" onClick={() => send({ type: 'ADMIN.RESTART' })}>{t('admin.restart')}</button>
        {admin.allowExitToDesktop && (
          <button type="button" className="button button--choice" onClick={() => send({ type: 'ADMIN.EXIT_TO_DESKTOP' })}>{t('admin.exitToDesktop')}</button>
        )}
        <button type="button" className="button button--primary" onClick={() => send({ type: 'ADMIN.CLOSE' })}>{t('admin.close')}</button>
      </div>
    </main>
  );
}
