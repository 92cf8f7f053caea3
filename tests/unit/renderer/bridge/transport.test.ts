import { describe, expect, it } from 'vitest';
import type { KioskBridgeApi } from '../../../../common/bridge';
import { pickTransport } from '../../../../renderer/src/bridge/transport';

const preload: KioskBridgeApi = { send: () => {}, onMessage: () => () => {} };

describe('pickTransport', () => {
  it('uses the Electron preload when window.borne exists, whatever the address says', () => {
    expect(pickTransport({ borne: preload, host: '', hash: '#token=abc' })).toEqual({ kind: 'preload', api: preload });
  });

  it('opens the loopback WebSocket with the token from the address fragment', () => {
    expect(pickTransport({ borne: undefined, host: '127.0.0.1:43210', hash: '#token=s3cret' })).toEqual({
      kind: 'websocket',
      url: 'ws://127.0.0.1:43210/bridge?token=s3cret',
    });
  });

  it('encodes a token that holds URL characters', () => {
    const transport = pickTransport({ borne: undefined, host: '127.0.0.1:1', hash: '#token=a%2Bb%26c' });
    expect(transport).toEqual({ kind: 'websocket', url: 'ws://127.0.0.1:1/bridge?token=a%2Bb%26c' });
  });

  it('reports the bridge unavailable without a token rather than connecting anonymously', () => {
    expect(pickTransport({ borne: undefined, host: '127.0.0.1:1', hash: '' }).kind).toBe('unavailable');
    expect(pickTransport({ borne: undefined, host: '127.0.0.1:1', hash: '#other=1' }).kind).toBe('unavailable');
  });

  it('reports the bridge unavailable on a page with no host (a file:// page without the preload)', () => {
    expect(pickTransport({ borne: undefined, host: '', hash: '#token=abc' }).kind).toBe('unavailable');
  });
});
