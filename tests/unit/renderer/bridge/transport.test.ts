import { describe, expect, it } from 'vitest';
import type { KioskBridgeApi } from '../../../../common/bridge';
import { pickTransport } from '../../../../renderer/src/bridge/transport';

const preload: KioskBridgeApi = { send: () => {}, onMessage: () => () => {} };

describe('pickTransport', () => {
  it('uses the Electron preload when window.borne exists, whatever the address says', () => {
    expect(pickTransport({ borne: preload, host: '', launchToken: 'abc' })).toEqual({ kind: 'preload', api: preload });
  });

  it('opens the loopback WebSocket with the launch token the shell defined', () => {
    expect(pickTransport({ borne: undefined, host: '127.0.0.1:43210', launchToken: 's3cret' })).toEqual({
      kind: 'websocket',
      url: 'ws://127.0.0.1:43210/bridge?token=s3cret',
    });
  });

  it('encodes a token that holds URL characters', () => {
    const transport = pickTransport({ borne: undefined, host: '127.0.0.1:1', launchToken: 'a+b&c' });
    expect(transport).toEqual({ kind: 'websocket', url: 'ws://127.0.0.1:1/bridge?token=a%2Bb%26c' });
  });

  it('reports the bridge unavailable without a token rather than connecting anonymously', () => {
    expect(pickTransport({ borne: undefined, host: '127.0.0.1:1', launchToken: undefined }).kind).toBe('unavailable');
    expect(pickTransport({ borne: undefined, host: '127.0.0.1:1', launchToken: '' }).kind).toBe('unavailable');
    expect(pickTransport({ borne: undefined, host: '127.0.0.1:1', launchToken: { toString: () => 'x' } }).kind).toBe('unavailable');
  });

  it('reports the bridge unavailable on a page with no host (a file:// page without the preload)', () => {
    expect(pickTransport({ borne: undefined, host: '', launchToken: 'abc' }).kind).toBe('unavailable');
  });
});
