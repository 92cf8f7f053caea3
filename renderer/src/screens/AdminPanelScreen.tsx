import { DEVICE_KINDS } from '../../../common/devices';
import { DeviceHealthList } from '../devices/DeviceHealthList';
import { useText } from '../i18n/useText';
import type { ScreenProps } from './screenProps';

/**
 * The administrator's panel, after a right PIN: each device's health (technical reasons included:
 * this is for staff), maintenance mode, restart, exit to the desktop when the profile allows,
 * and close. Every button sends a command; the host acts only while the panel is open with a right PIN.
 */
export function AdminPanelScreen({ snapshot, send }: ScreenProps) {
  const t = useText(snapshot.language);
  const admin = snapshot.admin!;
  const health = DEVICE_KINDS.flatMap((kind) => snapshot.deviceHealth[kind] ?? []);
  return (
    <main className="screen screen--admin" data-screen="admin-panel">
      <h1 className="title">{t('admin.panelTitle')}</h1>
      <section className="admin-section" aria-labelledby="admin-devices">
        <h2 id="admin-devices">{t('admin.devicesTitle')}</h2>
        <DeviceHealthList health={health} words={{
          deviceName: (kind) => t(`${kind}.title`),
          state: { ok: t('admin.health.ok'), degraded: t('admin.health.degraded'), absent: t('admin.health.absent'), error: t('admin.health.error') },
          lastError: (time, message) => t('admin.health.lastError', { time, message }),
          counts: (malformed, refused) => t('admin.health.counts', { malformed, refused }),
          paper: ({ paper, cover }) => [t(`admin.health.paper.${paper}`), ...(cover === 'open' ? [t('admin.health.coverOpen')] : [])].join(' · '),
          none: t('admin.noDevices'),
          lang: snapshot.language,
        }} />
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
