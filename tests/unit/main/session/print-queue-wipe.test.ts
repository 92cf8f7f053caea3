import { describe, expect, it } from 'vitest';
import type { PrintJob } from '../../../../common/print-job';
import { printQueueWipeStep, WIPED_JOB_REASON, type PrintQueues } from '../../../../main/session/print-queue-wipe';
import { startWipingKiosk } from './simulated-kiosk';

/** Printers holding `jobs`; a `stubborn` one keeps them whatever it is told; `atServer`: cancellations a print server did not confirm. */
function printers(jobs: PrintJob[], stubborn = false, atServer: string[] = []): PrintQueues & { reasons: string[] } {
  const reasons: string[] = [];
  return {
    reasons,
    dropPrintJobs: (reason) => {
      reasons.push(reason);
      return stubborn ? 0 : jobs.splice(0).length;
    },
    pendingPrintJobs: () => [...jobs],
    unconfirmedCancellations: () => Promise.resolve(atServer),
  };
}

async function visitAndLeave(kiosk: ReturnType<typeof startWipingKiosk>): Promise<void> {
  kiosk.actor.send({ type: 'SESSION.START' });
  kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'fr' });
  kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
  kiosk.actor.send({ type: 'VISIT.FINISH' });
  kiosk.actor.send({ type: 'END.DISMISS' });
  await kiosk.settle();
}

describe('the print queue\'s wipe step', () => {
  it('drops the visit\'s waiting jobs with the reason their owner hears, and the wipe passes once none is left', async () => {
    const queues = printers([{ id: 'j1', state: 'waiting', reason: 'the printer is out of paper: load a new roll' }, { id: 'j2', state: 'queued' }]);
    const kiosk = startWipingKiosk({ steps: [printQueueWipeStep(queues)] });
    await visitAndLeave(kiosk);
    expect(queues.reasons).toEqual([WIPED_JOB_REASON]);
    expect(queues.pendingPrintJobs()).toEqual([]);
    expect(kiosk.failure()).toBeNull();
    expect(kiosk.view().screen).toBe('attract');
  });

  it('fails the wipe, naming the job, when a job is still there after the drop: the next visit must not find it', async () => {
    const queues = printers([{ id: 'j1', state: 'printing' }], true);
    const kiosk = startWipingKiosk({ steps: [printQueueWipeStep(queues)] });
    await visitAndLeave(kiosk);
    expect(kiosk.failure()).toBe('the wipe left data behind: print queue: job j1 still printing');
    expect(kiosk.view().screen).toBe('out-of-service');
  });

  it('fails the wipe, naming the job, when the print server did not confirm it cancelled a dropped job: it could still print', async () => {
    const queues = printers([{ id: 'j1', state: 'waiting', reason: 'out of paper: load paper' }], false,
      ['CUPS job 7 not cancelled: CUPS is not running at 127.0.0.1:631 (nothing listens there)']);
    const kiosk = startWipingKiosk({ steps: [printQueueWipeStep(queues)] });
    await visitAndLeave(kiosk);
    expect(queues.pendingPrintJobs()).toEqual([]);
    expect(kiosk.failure()).toBe('the wipe left data behind: print queue: CUPS job 7 not cancelled: CUPS is not running at 127.0.0.1:631 (nothing listens there)');
    expect(kiosk.view().screen).toBe('out-of-service');
  });
});
