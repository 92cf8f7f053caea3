/// <reference lib="dom" />
import { fireEvent, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AdminCorner } from '../../../../renderer/src/admin/AdminCorner';
import { App } from '../../../../renderer/src/App';
import { KioskContext } from '../../../../renderer/src/bridge/useKiosk';
import { attractSnapshot, idleWarningSnapshot } from '../../../support/renderer-preview/snapshots';
import { fakeConnection } from '../fakeConnection';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Taps the corner `times` times, `everyMs` apart. */
function tap(corner: Element, times: number, everyMs: number) {
  for (let i = 0; i < times; i++) {
    if (i > 0) vi.advanceTimersByTime(everyMs);
    fireEvent.pointerDown(corner);
    fireEvent.click(corner);
  }
}

const cornerOf = (container: Element) => container.querySelector('[data-admin-corner]')!;

describe('AdminCorner', () => {
  it('calls for the administrator after five taps within three seconds', () => {
    const onGesture = vi.fn();
    const { container } = render(<AdminCorner onGesture={onGesture} />);
    tap(cornerOf(container), 5, 700); // 2.8 s from first to last
    expect(onGesture).toHaveBeenCalledOnce();
  });

  it('does not when the five taps take four seconds', () => {
    const onGesture = vi.fn();
    const { container } = render(<AdminCorner onGesture={onGesture} />);
    tap(cornerOf(container), 5, 1000);
    expect(onGesture).not.toHaveBeenCalled();
  });

  it('counts afresh after a gesture: ten quick taps are two gestures, nine are one', () => {
    const onGesture = vi.fn();
    const { container } = render(<AdminCorner onGesture={onGesture} />);
    tap(cornerOf(container), 9, 100);
    expect(onGesture).toHaveBeenCalledOnce();
    tap(cornerOf(container), 1, 100);
    expect(onGesture).toHaveBeenCalledTimes(2);
  });

  it('shows nothing, names nothing and takes no keyboard focus', () => {
    const { container } = render(<AdminCorner onGesture={() => {}} />);
    const corner = cornerOf(container) as HTMLElement;
    expect(corner).toHaveAttribute('aria-hidden', 'true');
    expect(corner.textContent).toBe('');
    expect(corner.tabIndex).toBe(-1);
    expect(corner.getAttribute('role')).toBeNull();
  });
});

describe('the corner in the App', () => {
  function showApp(snapshot = attractSnapshot) {
    const host = fakeConnection(snapshot);
    const view = render(<KioskContext.Provider value={host.connection}><App /></KioskContext.Provider>);
    return { ...view, host };
  }

  it('on attract: taps in the corner start no visit; five of them ask for the PIN screen', () => {
    const { container, host } = showApp();
    tap(cornerOf(container), 4, 100);
    expect(host.sentOf('ADMIN.OPEN')).toEqual([]);
    tap(cornerOf(container), 1, 100);
    expect(host.sentOf('ADMIN.OPEN')).toEqual([{ type: 'ADMIN.OPEN' }]);
    expect(host.sentOf('SESSION.START')).toEqual([]);
  });

  it('lies above the idle warning, outside the part of the page it makes inert', () => {
    const { container, host } = showApp(idleWarningSnapshot);
    const corner = cornerOf(container);
    expect(corner.closest('[inert]')).toBeNull();
    tap(corner, 5, 100);
    expect(host.sentOf('ADMIN.OPEN')).toHaveLength(1);
  });

  it('is there on the out-of-service screen too', () => {
    const { container, host } = showApp({ ...attractSnapshot, screen: 'out-of-service' });
    tap(cornerOf(container), 5, 100);
    expect(host.sentOf('ADMIN.OPEN')).toHaveLength(1);
  });
});
