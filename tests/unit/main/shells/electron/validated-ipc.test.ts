import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../../../../common/ipc-channels';
import { VIEW_MESSAGE_RATE } from '../../../../../main/bridge/message-rate';
import { ValidatedIpcMain, type IpcChannel } from '../../../../../main/shells/electron/validated-ipc';
import { captureLog } from '../../../../support/capture-log';

function setUp() {
  const ipcMain = new EventEmitter();
  const { log, lines } = captureLog();
  // Plain objects standing in for Electron's events: only their identity and frame URL matter here.
  const trusted = { senderFrame: { url: 'file:///app/index.html' } };
  const stranger = { senderFrame: { url: 'https://example.org/' } };
  const ipc = new ValidatedIpcMain(ipcMain as never, (event) => event === (trusted as unknown), log);
  const received: unknown[] = [];
  const stop = ipc.on(IPC_CHANNELS.rendererEvent, (_event, payload) => received.push(payload));
  return { ipcMain, ipc, lines, trusted, stranger, received, stop };
}

describe('ValidatedIpcMain', () => {
  it('hands a listener only the messages of a trusted sender', () => {
    const { ipcMain, trusted, stranger, received, lines } = setUp();
    ipcMain.emit(IPC_CHANNELS.rendererEvent, stranger, 'forged');
    ipcMain.emit(IPC_CHANNELS.rendererEvent, trusted, 'real');
    expect(received).toEqual(['real']);
    expect(lines.filter((l) => l.msg === 'ignored a bridge message from outside the kiosk page').map((l) => l.url)).toEqual(['https://example.org/']);
  });

  it('drops what a trusted sender sends beyond the views’ message rate', () => {
    const { ipcMain, trusted, received } = setUp();
    for (let i = 0; i < 1_000; i++) ipcMain.emit(IPC_CHANNELS.rendererEvent, trusted, i);
    // Emitted within a few milliseconds: the burst, and at most what those milliseconds refilled.
    expect(received.length).toBeGreaterThanOrEqual(VIEW_MESSAGE_RATE.burst);
    expect(received.length).toBeLessThan(VIEW_MESSAGE_RATE.burst + 10);
  });

  it('refuses to listen on a channel that is not one of ours', () => {
    const { ipc } = setUp();
    expect(() => ipc.on('some:other' as IpcChannel, () => {})).toThrow('not a Borne IPC channel: some:other');
  });

  it('stops listening when asked', () => {
    const { ipcMain, stop } = setUp();
    stop();
    expect(ipcMain.listenerCount(IPC_CHANNELS.rendererEvent)).toBe(0);
  });
});
