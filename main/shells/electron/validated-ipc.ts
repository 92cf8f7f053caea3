import type { IpcMain, IpcMainEvent } from 'electron';
import { IPC_CHANNELS } from '../../../common/ipc-channels';
import { tokenBucket, VIEW_MESSAGE_RATE } from '../../bridge/message-rate';
import type { Logger } from '../../log';

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];
const OUR_CHANNELS = new Set<string>(Object.values(IPC_CHANNELS));

/**
 * The only way the Electron shell listens to its pages (after VS Code's `validatedIpcMain`): every
 * listener gets a message only if its channel is one of ours, it comes from a sender the shell trusts
 * (the kiosk window's main frame showing our page) and that sender stays within the views' message
 * rate. Anything else is logged and dropped here, so no handler checks it again, or forgets to.
 */
export class ValidatedIpcMain {
  private readonly rate = tokenBucket(VIEW_MESSAGE_RATE.burst, VIEW_MESSAGE_RATE.perSecond);

  constructor(
    private readonly ipcMain: Pick<IpcMain, 'on' | 'removeListener'>,
    private readonly isTrusted: (event: IpcMainEvent) => boolean,
    private readonly log: Logger,
  ) {}

  /** Listens on `channel`; returns a function that stops listening. */
  on(channel: IpcChannel, listener: (event: IpcMainEvent, payload: unknown) => void): () => void {
    if (!OUR_CHANNELS.has(channel)) throw new Error(`not a Borne IPC channel: ${channel}`);
    const guarded = (event: IpcMainEvent, payload: unknown) => {
      if (!this.isTrusted(event)) {
        this.log.warn({ channel, url: event.senderFrame?.url }, 'ignored a bridge message from outside the kiosk page');
        return;
      }
      if (!this.rate.take(Date.now())) {
        this.log.warn({ channel }, 'ignored a bridge message beyond the message rate');
        return;
      }
      listener(event, payload);
    };
    this.ipcMain.on(channel, guarded);
    return () => this.ipcMain.removeListener(channel, guarded);
  }
}
