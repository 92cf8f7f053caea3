import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CdpPipe } from '../../../../../main/shells/chromium/cdp-pipe';
import { captureLog } from '../../../../support/capture-log';

/** Node streams stand in for Chromium's fds 3 (commands) and 4 (replies and events). */
function pipeToFakeBrowser() {
  const commands = new PassThrough();
  const replies = new PassThrough();
  const written: unknown[] = [];
  let pending = '';
  commands.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const frames = pending.split('\0');
    pending = frames.pop() ?? '';
    written.push(...frames.map((frame) => JSON.parse(frame)));
  });
  const { log, lines } = captureLog();
  const cdp = new CdpPipe(commands, replies, log);
  return { cdp, replies, written, lines };
}

describe('CdpPipe', () => {
  it('writes each command as JSON ended by a NUL byte, with the session when given', async () => {
    const { cdp, written } = pipeToFakeBrowser();
    void cdp.send('Target.getTargets');
    void cdp.send('Page.enable', {}, 'SESSION-1');
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toEqual([
      { id: 1, method: 'Target.getTargets', params: {} },
      { id: 2, method: 'Page.enable', params: {}, sessionId: 'SESSION-1' },
    ]);
  });

  it('resolves a call whose reply arrives in pieces, even inside a multi-byte character', async () => {
    const { cdp, replies } = pipeToFakeBrowser();
    const call = cdp.send('Runtime.evaluate');
    const reply = Buffer.from('{"id":1,"result":{"value":"Français"}}\0', 'utf8');
    const split = reply.indexOf(Buffer.from('ç')) + 1;
    replies.write(reply.subarray(0, 5));
    replies.write(reply.subarray(5, split));
    replies.write(reply.subarray(split));
    await expect(call).resolves.toEqual({ value: 'Français' });
  });

  it('handles several replies and events in one chunk, and routes events with their session', async () => {
    const { cdp, replies } = pipeToFakeBrowser();
    const events: unknown[] = [];
    cdp.on('Page.loadEventFired', (params, sessionId) => events.push({ params, sessionId }));
    const first = cdp.send('A');
    const second = cdp.send('B');
    replies.write(
      '{"id":2,"result":{"b":true}}\0{"method":"Page.loadEventFired","params":{"timestamp":1},"sessionId":"S"}\0{"id":1,"result":{}}\0',
    );
    await expect(first).resolves.toEqual({});
    await expect(second).resolves.toEqual({ b: true });
    expect(events).toEqual([{ params: { timestamp: 1 }, sessionId: 'S' }]);
  });

  it("rejects a call with Chromium's error message", async () => {
    const { cdp, replies } = pipeToFakeBrowser();
    const call = cdp.send('Storage.clearDataForOrigin');
    replies.write('{"id":1,"error":{"code":-32602,"message":"Invalid origin"}}\0');
    await expect(call).rejects.toThrow('CDP Storage.clearDataForOrigin: Invalid origin');
  });

  it('logs and skips a malformed message, then goes on', async () => {
    const { cdp, replies, lines } = pipeToFakeBrowser();
    const call = cdp.send('A');
    replies.write('not json\0{"unexpected":true}\0{"id":99,"result":{}}\0{"id":1,"result":{"ok":1}}\0');
    await expect(call).resolves.toEqual({ ok: 1 });
    expect(lines.map((line) => line.msg)).toEqual([
      'ignored a DevTools message that is not JSON',
      'ignored a DevTools message of unknown shape',
      'ignored a DevTools reply to no pending call',
    ]);
  });

  it('rejects every pending call when the browser closes the pipe, and every later call', async () => {
    const { cdp, replies } = pipeToFakeBrowser();
    const closed: string[] = [];
    cdp.onClose((reason) => closed.push(reason));
    const first = cdp.send('A');
    const second = cdp.send('B', {}, 'S');
    replies.end();
    await expect(first).rejects.toThrow('CDP A: the browser closed the DevTools pipe');
    await expect(second).rejects.toThrow('CDP B: the browser closed the DevTools pipe');
    await expect(cdp.send('C')).rejects.toThrow('CDP C:');
    expect(closed).toEqual(['the browser closed the DevTools pipe']);
    expect(cdp.isOpen).toBe(false);
  });

  it('keeps dispatching when an event listener throws', async () => {
    const { cdp, replies, lines } = pipeToFakeBrowser();
    const seen: string[] = [];
    cdp.on('X', () => {
      throw new Error('listener bug');
    });
    cdp.on('X', () => seen.push('second listener'));
    const call = cdp.send('A');
    replies.write('{"method":"X","params":{}}\0{"id":1,"result":{}}\0');
    await call;
    expect(seen).toEqual(['second listener']);
    expect(lines.some((line) => line.msg === 'a DevTools event listener failed')).toBe(true);
  });
});
