import { HostMessageSchema, type HostMessage } from '../../../common/bridge';
import { issueLines } from '../../../common/issues';
import { fail, ok, type Result } from '../../../common/result';

/**
 * Parses one message from the host. WebSocket frames arrive as JSON text, preload messages as
 * objects; both go through the same schema, so a host bug shows up here rather than as a blank screen.
 */
export function parseHostMessage(raw: unknown): Result<HostMessage> {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return fail('the host sent text that is not JSON');
    }
  }
  const parsed = HostMessageSchema.safeParse(value);
  if (!parsed.success) {
    return fail(issueLines(parsed.error.issues).join('; '));
  }
  return ok(parsed.data);
}
