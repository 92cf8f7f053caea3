import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import type { SessionSnapshot } from '../../../../../common/snapshot';
import { BridgeHub, type BridgeView } from '../../../../../main/bridge/hub';
import { connectBridgeSocket } from '../../../../../main/shells/chromium/bridge-connection';
import { attractSnapshot } from '../../../../support/renderer-preview/snapshots';
import { captureLog } from '../../../../support/capture-log';

/** A socket whose frames leave only when the test says the kernel took them. */
class SlowSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  readonly frames: Array<{ type: string; screen?: string; id?: number }> = [];
  private pending: Array<() => void> = [];
  send(text: string, done: () => void) {
    const message = JSON.parse(text) as { type: string; snapshot?: SessionSnapshot; id?: number };
    this.frames.push({ type: message.type, screen: message.snapshot?.screen, id: message.id });
    this.pending.push(done);
  }
  /** The kernel took the frame in flight. */
  drain() { this.pending.shift()?.(); }
  ping() {}
  close() {}
  terminate() {}
}

describe('a bridge socket with back-pressure', () => {
  it('keeps a read-aloud answer apart from the latest snapshot: neither replaces the other', () => {
    const { log } = captureLog();
    // The view as the host's routes see it: what the speech route answers through.
    let view: BridgeView | null = null;
    const hub = new BridgeHub((_event, from) => { view = from; }, log);
    const socket = new SlowSocket();
    connectBridgeSocket(socket as unknown as WebSocket, 'test', { hub, log });
    socket.emit('message', Buffer.from('{"type":"SPEECH.STOP"}'), false);
    hub.publish(attractSnapshot);
    expect(socket.frames).toEqual([{ type: 'snapshot', screen: 'attract', id: undefined }]);
    // While the first frame is in flight: a speech answer, then a newer snapshot, then another speech answer.
    view!.send({ type: 'speech', id: 1, wav: 'UklGRg==' });
    hub.publish({ ...attractSnapshot, screen: 'language' });
    view!.send({ type: 'speech', id: 2, wav: 'UklGRg==' });
    socket.drain();
    socket.drain();
    socket.drain();
    expect(socket.frames).toEqual([
      { type: 'snapshot', screen: 'attract', id: undefined },
      { type: 'snapshot', screen: 'language', id: undefined },
      { type: 'speech', screen: undefined, id: 2 },
    ]);
    socket.emit('close');
  });
});
