import { kioskTopic } from '../../../common/fleet-messages';
import type { KioskState } from '../store/schema';
import { KIOSK_PUBLISHES, KIOSK_SUBSCRIBES, PENDING_PUBLISHES } from './access';
import type { DynamicSecurity } from './dynamic-security';
import type { KioskAccessControl } from './link';

const SERVER_ROLE = 'borne-fleet-server';
const roleOf = (kioskId: string) => `borne-kiosk-${kioskId}`;
const EXISTS = /already exists/i;
const MISSING = /not found/i;

/**
 * A Mosquitto broker with the dynamic-security plugin: every kiosk gets a client (username = its id,
 * password = its credential) and a role of its own whose ACL names its topics one by one, so no
 * pattern substitution is needed and a kiosk can never reach another's prefix.
 */
export function mosquittoAccess(dynsec: DynamicSecurity): KioskAccessControl & { admitServer(username: string, password: string): Promise<void> } {
  const acl = (kioskId: string, leaves: readonly string[], acltype: string) =>
    leaves.map((leaf) => ({ acltype, topic: kioskTopic(kioskId, leaf as never), allow: true }));
  return {
    /**
     * Makes (or re-keys) the server's own client, with read and write on every kiosk's topics. Not the
     * admin user itself: Mosquitto kicks a client whose roles change, which would cut the admin's session.
     */
    async admitServer(username, password) {
      await dynsec.must({
        command: 'createRole',
        rolename: SERVER_ROLE,
        acls: [
          { acltype: 'subscribePattern', topic: 'kiosk/#', allow: true },
          { acltype: 'publishClientSend', topic: 'kiosk/#', allow: true },
        ],
      }, EXISTS);
      const error = await dynsec.run({ command: 'createClient', username, password, roles: [{ rolename: SERVER_ROLE }] });
      if (error && !EXISTS.test(error)) throw new Error(`dynamic-security createClient: ${error}`);
      if (error) await dynsec.must({ command: 'setClientPassword', username, password });
    },
    async kioskEnrolled(kioskId, credential) {
      await dynsec.must({ command: 'createRole', rolename: roleOf(kioskId), acls: acl(kioskId, PENDING_PUBLISHES, 'publishClientSend') }, EXISTS);
      await dynsec.must({ command: 'createClient', username: kioskId, password: credential, roles: [{ rolename: roleOf(kioskId) }] });
    },
    async kioskMoved(kioskId, state: KioskState) {
      if (state === 'approved') {
        const wanted = [...acl(kioskId, KIOSK_PUBLISHES, 'publishClientSend'), ...acl(kioskId, KIOSK_SUBSCRIBES, 'subscribeLiteral')];
        for (const entry of wanted) await dynsec.must({ command: 'addRoleACL', rolename: roleOf(kioskId), ...entry }, EXISTS);
      } else if (state === 'revoked') {
        // Disabling kicks the live session at once; deleting then removes the credential for good.
        await dynsec.must({ command: 'disableClient', username: kioskId }, MISSING);
        await dynsec.must({ command: 'deleteClient', username: kioskId }, MISSING);
        await dynsec.must({ command: 'deleteRole', rolename: roleOf(kioskId) }, MISSING);
      }
    },
  };
}
