/// <reference lib="dom" />
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SessionSnapshot } from '../../../../common/snapshot';
import { AdminPinScreen } from '../../../../renderer/src/screens/AdminPinScreen';
import { adminPinLockedSnapshot, adminPinSnapshot, adminPinWrongSnapshot } from '../../../support/renderer-preview/snapshots';

function showPin(snapshot: SessionSnapshot = adminPinSnapshot) {
  const send = vi.fn();
  const view = render(<AdminPinScreen snapshot={snapshot} send={send} />);
  return { ...view, send };
}
const press = async (...keys: string[]) => { for (const key of keys) await userEvent.click(screen.getByRole('button', { name: key })); };
const typedCount = () => screen.getByRole('img').getAttribute('aria-label');

describe('AdminPinScreen', () => {
  it('sends the digits typed on its keypad as one PIN, on OK', async () => {
    const { send } = showPin();
    await press('2', '4', '6', '8', 'Valider');
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'ADMIN.PIN', pin: '2468' });
  });

  it('shows a dot per digit, never the digits, and erases the last one', async () => {
    const { container } = showPin();
    await press('7', '3', '1');
    expect(typedCount()).toBe('Chiffres tapés : 3');
    expect(container.querySelectorAll('.pin-dot--filled')).toHaveLength(3);
    expect(container.querySelector('main')!.textContent).not.toContain('731');
    await press('Effacer');
    expect(typedCount()).toBe('Chiffres tapés : 2');
  });

  it('offers OK only from four digits on, and takes no more than twelve', async () => {
    const { send } = showPin();
    await press('1', '2', '3');
    expect(screen.getByRole('button', { name: 'Valider' })).toBeDisabled();
    await press(...'1234567890'.split(''));
    expect(typedCount()).toBe('Chiffres tapés : 12');
    await press('Valider');
    expect(send).toHaveBeenCalledWith({ type: 'ADMIN.PIN', pin: '123123456789' });
  });

  it('goes back without sending a PIN on cancel', async () => {
    const { send } = showPin();
    await press('1', 'Annuler');
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'ADMIN.CLOSE' });
  });

  it('says a PIN was wrong, with the tries left, and starts a fresh entry', async () => {
    const { rerender, send } = showPin();
    await press('1', '1', '1', '1');
    rerender(<AdminPinScreen snapshot={adminPinWrongSnapshot} send={send} />);
    expect(screen.getByRole('status')).toHaveTextContent('Code incorrect. Encore 3 essais.');
    expect(typedCount()).toBe('Chiffres tapés : 0');
  });

  it('says the screen is locked and for how long, in the snapshot language', () => {
    showPin({ ...adminPinLockedSnapshot, language: 'en' });
    expect(screen.getByRole('status')).toHaveTextContent('Too many tries. Try again in 14 minutes.');
  });

  it('has large keys for the ten digits, erase, OK and cancel, and nothing else', () => {
    showPin();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(
      ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'Effacer', '0', 'Valider', 'Annuler'],
    );
  });
});
