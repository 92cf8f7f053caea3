import { describe, expect, it, vi } from 'vitest';
import { createKioskStore } from '../../../../renderer/src/bridge/kioskStore';
import { attractSnapshot, languageSnapshot } from '../../../support/renderer-preview/snapshots';

function storeWithLog() {
  const log = { warn: vi.fn(), error: vi.fn() };
  return { store: createKioskStore(log), log };
}

describe('kiosk store', () => {
  it('starts with no snapshot and no bridge', () => {
    expect(storeWithLog().store.getState()).toEqual({ snapshot: null, connected: false });
  });

  it('replaces the snapshot with each one the host sends and tells subscribers', () => {
    const { store } = storeWithLog();
    const listener = vi.fn();
    store.subscribe(listener);
    store.receive({ type: 'snapshot', snapshot: attractSnapshot });
    store.receive(JSON.stringify({ type: 'snapshot', snapshot: languageSnapshot }));
    expect(store.getState().snapshot).toEqual(languageSnapshot);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('logs a refusal from the host as a warning and keeps the snapshot', () => {
    const { store, log } = storeWithLog();
    store.receive({ type: 'snapshot', snapshot: attractSnapshot });
    store.receive({ type: 'rejected', reason: 'type: Invalid input' });
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('type: Invalid input'));
    expect(store.getState().snapshot).toEqual(attractSnapshot);
  });

  it('ignores a malformed host message, logging it as an error', () => {
    const { store, log } = storeWithLog();
    store.receive({ type: 'snapshot', snapshot: { screen: 'attract' } });
    expect(log.error).toHaveBeenCalledOnce();
    expect(store.getState().snapshot).toBeNull();
  });

  it('forgets the snapshot when the bridge drops, so a restarted host is not shown stale state', () => {
    const { store } = storeWithLog();
    store.setConnected(true);
    store.receive({ type: 'snapshot', snapshot: attractSnapshot });
    store.setConnected(false);
    expect(store.getState()).toEqual({ snapshot: null, connected: false });
  });

  it('stops telling a listener once it unsubscribes', () => {
    const { store } = storeWithLog();
    const listener = vi.fn();
    store.subscribe(listener)();
    store.setConnected(true);
    expect(listener).not.toHaveBeenCalled();
  });
});
