import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, toPromise } from 'xstate';
import type { Receipt } from '../../../../common/print-job';
import { fail, ok } from '../../../../common/result';
import { printMemoThrough } from '../../../../main/session/device-commands';
import { sessionMachine } from '../../../../main/session/machine';
import { PROCEDURES } from './procedures';
import { startSimulatedKiosk } from './simulated-kiosk';

/** A receipt printer the test answers by hand: each memo waits until the test says printed or failed. */
function handPrinter() {
  const memos: Receipt[] = [];
  let answer: (outcome: string | null) => void = () => {};
  const printMemo = fromPromise<void, { memo: Receipt }>(({ input }) => new Promise<void>((resolve, reject) => {
    memos.push(input.memo);
    answer = (failure) => (failure === null ? resolve() : reject(new Error(failure)));
  }));
  return { memos, printMemo, printed: () => answer(null), failed: (why: string) => answer(why) };
}

function atTheGuide(language: 'fr' | 'en' | 'ar' = 'fr', printer = handPrinter()) {
  const machine = sessionMachine.provide({ actors: { wipeSession: fromPromise<void>(async () => {}), printMemo: printer.printMemo } });
  const kiosk = startSimulatedKiosk(machine, { procedures: PROCEDURES, offeredLanguages: ['fr', 'en', 'ar'] });
  kiosk.actor.send({ type: 'DEVICE.STATUS_CHANGED', kind: 'receiptPrinter', status: { state: 'ready' } });
  kiosk.actor.send({ type: 'SESSION.START' });
  kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language });
  kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
  kiosk.actor.send({ type: 'PROCEDURE.OPEN', id: 'passport' });
  return { ...kiosk, printer };
}

describe("the procedure's printed memo", () => {
  it('prints the chosen procedure\'s memo, holds inactivity while the person waits, then says it is printed', async () => {
    const kiosk = atTheGuide();
    kiosk.actor.send({ type: 'MEMO.PRINT' });
    expect(kiosk.view()).toMatchObject({ screen: 'guide', memoPrint: 'printing' });
    expect(kiosk.actor.getSnapshot().hasTag('busy')).toBe(true);
    expect(kiosk.printer.memos.map((memo) => memo.title)).toEqual(['passport (fr)']);
    kiosk.seconds(600);
    expect(kiosk.view()).toMatchObject({ screen: 'guide', idleWarning: null });
    kiosk.printer.printed();
    await kiosk.settle();
    expect(kiosk.view()).toMatchObject({ screen: 'guide', memoPrint: 'printed' });
    expect(kiosk.actor.getSnapshot().hasTag('busy')).toBe(false);
    kiosk.seconds(60);
    expect(kiosk.view().idleWarning).toEqual({ secondsLeft: 10 });
  });

  it('says when the printer could not print, and may be asked again', async () => {
    const kiosk = atTheGuide();
    kiosk.actor.send({ type: 'MEMO.PRINT' });
    kiosk.printer.failed('the printer is out of paper: load a new roll');
    await kiosk.settle();
    expect(kiosk.view().memoPrint).toBe('failed');
    kiosk.actor.send({ type: 'MEMO.PRINT' });
    expect(kiosk.view().memoPrint).toBe('printing');
  });

  it('prints an Arabic visit\'s memo in French, the printer having no Arabic letters', () => {
    const kiosk = atTheGuide('ar');
    kiosk.actor.send({ type: 'MEMO.PRINT' });
    expect(kiosk.printer.memos[0]!.title).toBe('passport (fr)');
  });

  it('refuses to print with no receipt printer ready', () => {
    const kiosk = atTheGuide();
    kiosk.actor.send({ type: 'DEVICE.STATUS_CHANGED', kind: 'receiptPrinter', status: { state: 'offline', reason: 'the printer is out of paper: load a new roll' } });
    expect(kiosk.actor.getSnapshot().can({ type: 'MEMO.PRINT' })).toBe(false);
    kiosk.actor.send({ type: 'MEMO.PRINT' });
    expect(kiosk.view().memoPrint).toBeNull();
    expect(kiosk.printer.memos).toEqual([]);
  });

  it('forgets a memo on its way when the person leaves the guide, and a printed one back home', async () => {
    const kiosk = atTheGuide();
    kiosk.actor.send({ type: 'MEMO.PRINT' });
    kiosk.actor.send({ type: 'PROCEDURE.START' });
    expect(kiosk.view()).toMatchObject({ screen: 'site', memoPrint: null });
    kiosk.actor.send({ type: 'SITE.CLOSE' });
    kiosk.actor.send({ type: 'MEMO.PRINT' });
    kiosk.printer.printed();
    await kiosk.settle();
    expect(kiosk.view().memoPrint).toBe('printed');
    kiosk.actor.send({ type: 'PROCEDURE.CLOSE' });
    expect(kiosk.view()).toMatchObject({ screen: 'home', memoPrint: null });
  });
});

describe("the host's memo printing", () => {
  const memo: Receipt = { title: 'Passeport', lines: [{ text: 'Les étapes' }] };
  const run = (answer: Awaited<ReturnType<Parameters<typeof printMemoThrough>[0]['printAndWait']>>) => {
    const calls: unknown[][] = [];
    const logic = printMemoThrough({ printAndWait: async (...args) => { calls.push(args); return answer; } });
    return { printing: () => toPromise(createActor(logic, { input: { memo } }).start()), calls };
  };

  it('waits for the receipt printer to finish the job, a minute at most', async () => {
    const { printing, calls } = run(ok({ id: '1', state: 'done' }));
    await expect(printing()).resolves.toBeUndefined();
    expect(calls).toEqual([['receiptPrinter', memo, 60_000]]);
  });

  it.each([
    [fail('no receiptPrinter in this profile'), 'no receiptPrinter in this profile'],
    [ok({ id: '1', state: 'failed' as const, reason: 'not printed within 60 s: the printer is out of paper; cancelled' }), 'not printed within 60 s'],
  ])('rejects with the reason when it could not print', async (answer, reason) => {
    const { printing } = run(answer);
    await expect(printing()).rejects.toThrow(reason);
  });
});
