import { describe, expect, it } from 'vitest';
import { parseHostMessage } from '../../../../renderer/src/bridge/hostMessage';
import { attractSnapshot } from '../../../support/renderer-preview/snapshots';

describe('parseHostMessage', () => {
  it('accepts a snapshot sent as JSON text over the WebSocket', () => {
    const result = parseHostMessage(JSON.stringify({ type: 'snapshot', snapshot: attractSnapshot }));
    expect(result).toEqual({ ok: true, value: { type: 'snapshot', snapshot: attractSnapshot } });
  });

  it('accepts a message object handed over by the preload', () => {
    expect(parseHostMessage({ type: 'rejected', reason: 'type: invalid' })).toEqual({
      ok: true,
      value: { type: 'rejected', reason: 'type: invalid' },
    });
  });

  it('refuses text that is not JSON', () => {
    expect(parseHostMessage('{not json')).toEqual({ ok: false, error: 'the host sent text that is not JSON' });
  });

  it('refuses a snapshot that breaks the contract and says where', () => {
    const result = parseHostMessage({ type: 'snapshot', snapshot: { ...attractSnapshot, screen: 'lobby' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('snapshot.screen');
  });

  it('refuses an unknown message type', () => {
    expect(parseHostMessage({ type: 'reboot' }).ok).toBe(false);
  });
});
