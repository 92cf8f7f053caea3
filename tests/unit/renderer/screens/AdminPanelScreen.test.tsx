/// <reference lib="dom" />
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SessionSnapshot } from '../../../../common/snapshot';
import { AdminPanelScreen } from '../../../../renderer/src/screens/AdminPanelScreen';
import { adminPanelSnapshot } from '../../../support/renderer-preview/snapshots';

function showPanel(snapshot: SessionSnapshot = adminPanelSnapshot) {
  const send = vi.fn();
  render(<AdminPanelScreen snapshot={snapshot} send={send} />);
  return send;
}
const button = (name: string) => screen.getByRole('button', { name });

describe('AdminPanelScreen', () => {
  it('lists each device with its health, its last fault with the technical reason, and what was counted', () => {
    showPanel();
    const items = screen.getAllByRole('listitem').map((item) => item.textContent);
    const at = (iso: string) => new Date(iso).toLocaleTimeString('fr', { hour: '2-digit', minute: '2-digit' });
    expect(items).toEqual([
      // The reason comes between Unicode isolates (U+2068 … U+2069), so it keeps its order in an Arabic line.
      `Thermomètreperturbé${`Dernier incident à ${at('2026-11-25T13:32:00.000Z')} : \u2068bad frame: SLIP: ESC followed by 0x01\u2069`}Trames illisibles : 3 · valeurs rejetées : 0`,
      `Oxymètreabsent${`Dernier incident à ${at('2026-11-25T13:30:00.000Z')} : \u2068cannot open /dev/ttyUSB1: No such file or directory\u2069`}`,
    ]);
  });

  it('turns maintenance off when it is on, and on when it is off', async () => {
    const send = showPanel();
    expect(screen.getByRole('heading', { name: 'Mode maintenance : activé' })).toBeVisible();
    await userEvent.click(button('Désactiver la maintenance'));
    expect(send).toHaveBeenLastCalledWith({ type: 'ADMIN.MAINTENANCE', on: false });
  });

  it('sends restart, exit and close', async () => {
    const send = showPanel();
    await userEvent.click(button('Redémarrer la borne'));
    await userEvent.click(button('Quitter vers le bureau'));
    await userEvent.click(button('Fermer'));
    expect(send.mock.calls.map(([event]) => event)).toEqual([
      { type: 'ADMIN.RESTART' }, { type: 'ADMIN.EXIT_TO_DESKTOP' }, { type: 'ADMIN.CLOSE' },
    ]);
  });

  it('offers no exit to the desktop unless the profile allows it', () => {
    showPanel({ ...adminPanelSnapshot, admin: { ...adminPanelSnapshot.admin!, allowExitToDesktop: false, maintenance: false } });
    expect(screen.queryByRole('button', { name: 'Quitter vers le bureau' })).toBeNull();
    expect(button('Activer la maintenance')).toBeVisible();
  });

  it('speaks English when the snapshot does', () => {
    showPanel({ ...adminPanelSnapshot, language: 'en' });
    expect(button('Restart the kiosk')).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Maintenance mode: on' })).toBeVisible();
  });
});
