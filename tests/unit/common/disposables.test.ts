import { describe, expect, it } from 'vitest';
import { DisposableStore } from '../../../common/disposables';

describe('DisposableStore', () => {
  it('undoes everything newest first, waiting for each', async () => {
    const done: string[] = [];
    const store = new DisposableStore();
    store.add(() => void done.push('session'));
    store.add(async () => { await new Promise((resolve) => setTimeout(resolve, 5)); done.push('devices'); });
    store.add(() => void done.push('shell'));
    expect(await store.dispose()).toEqual([]);
    expect(done).toEqual(['shell', 'devices', 'session']);
  });

  it('goes on past a failure and returns it, so one stuck part never keeps the others running', async () => {
    const done: string[] = [];
    const store = new DisposableStore();
    store.add(() => void done.push('first'));
    store.add(() => { throw new Error('the serial line would not close'); });
    store.add(async () => { throw new Error('no answer'); });
    const errors = await store.dispose();
    expect(errors.map((error) => (error as Error).message)).toEqual(['no answer', 'the serial line would not close']);
    expect(done).toEqual(['first']);
  });

  it('undoes each thing once, however often it is disposed', async () => {
    let stops = 0;
    const store = new DisposableStore();
    store.add(() => void stops++);
    await Promise.all([store.dispose(), store.dispose()]);
    await store.dispose();
    expect(stops).toBe(1);
  });

  it('undoes at once what is added after it was disposed', async () => {
    const store = new DisposableStore();
    await store.dispose();
    let stopped = false;
    store.add(() => void (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(stopped).toBe(true);
  });
});
