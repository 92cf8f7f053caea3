import { errorMessage } from '../../common/error-message';
import type { CommandResult, FleetCommand } from '../../common/fleet-messages';
import type { Result } from '../../common/result';
import { uploadAttachment } from './fleet-http';
import type { FleetHostControls } from './host-controls';
import { fleetText } from './fleet-text';

export interface CommandContext {
  controls: FleetHostControls;
  fleetUrl: string;
  credential: string;
  now: () => number;
}


/**
 * Runs one command on the host and says how it ended. The caller has made sure it runs once and has
 * not expired. A screenshot or a log bundle goes up over HTTPS; the result names it.
 */
export async function runCommand(command: FleetCommand, context: CommandContext): Promise<CommandResult> {
  const { controls } = context;
  let outcome: Result<void>;
  let attachment: CommandResult['attachment'];
  try {
    switch (command.name) {
      case 'restart-app': outcome = await controls.restartApp(); break;
      case 'reboot': outcome = await controls.reboot(); break;
      case 'maintenance-on': outcome = await controls.maintenance(true); break;
      case 'maintenance-off': outcome = await controls.maintenance(false); break;
      case 'wipe-now': outcome = await controls.wipeNow(); break;
      case 'reload-config': outcome = await controls.applyProfile(); break;
      case 'screenshot':
        attachment = 'screenshot';
        outcome = await upload(command, await controls.screenshot(), 'image/png', context);
        break;
      case 'collect-logs':
        attachment = 'logs';
        outcome = await upload(command, await controls.collectLogs(), 'application/json', context);
        break;
    }
  } catch (error) {
    outcome = { ok: false, error: `the kiosk failed: ${errorMessage(error)}` };
  }
  const at = new Date(context.now()).toISOString();
  if (!outcome.ok) return { id: command.id, ok: false, error: fleetText(outcome.error), at };
  return { id: command.id, ok: true, at, ...(attachment ? { attachment } : {}) };
}

async function upload(command: FleetCommand, made: Result<Buffer>, contentType: string, context: CommandContext): Promise<Result<void>> {
  if (!made.ok) return made;
  const sent = await uploadAttachment(context.fleetUrl, context.credential, command.id, made.value, contentType);
  return sent.ok ? sent : { ok: false, error: `the upload failed: ${sent.error.message}` };
}

/** A command that arrives after its expiry is not run; the fleet is told so. */
export function expiredResult(command: FleetCommand, now: number): CommandResult {
  return { id: command.id, ok: false, error: 'expired before the kiosk received it; not run', at: new Date(now).toISOString() };
}
