import { accountQueries } from './accounts';
import { alertQueries } from './alerts';
import { auditQueries } from './audit';
import { commandQueries } from './commands';
import { configQueries } from './configs';
import { enrolmentQueries } from './enrolment';
import { kioskQueries } from './kiosks';
import { openDatabase, type StoreEngine, type StoreLocation } from './open';
import { releaseQueries } from './releases';
import { receivedKeyQueries } from './received-keys';
import { sessionQueries } from './sessions';
import { settingQueries } from './settings';
import { statisticsQueries } from './statistics';
import { statusQueries } from './status';
import { usageQueries } from './usage';

/** Every query the fleet server makes, grouped by table; the same code runs on SQLite and PostgreSQL. */
export interface FleetStore {
  engine: StoreEngine;
  accounts: ReturnType<typeof accountQueries>;
  sessions: ReturnType<typeof sessionQueries>;
  enrolment: ReturnType<typeof enrolmentQueries>;
  kiosks: ReturnType<typeof kioskQueries>;
  audit: ReturnType<typeof auditQueries>;
  status: ReturnType<typeof statusQueries>;
  usage: ReturnType<typeof usageQueries>;
  releases: ReturnType<typeof releaseQueries>;
  alerts: ReturnType<typeof alertQueries>;
  settings: ReturnType<typeof settingQueries>;
  statistics: ReturnType<typeof statisticsQueries>;
  configs: ReturnType<typeof configQueries>;
  commands: ReturnType<typeof commandQueries>;
  receivedKeys: ReturnType<typeof receivedKeyQueries>;
  close(): Promise<void>;
}

export async function openStore(location: StoreLocation): Promise<FleetStore> {
  const { db, engine } = await openDatabase(location);
  return {
    engine,
    accounts: accountQueries(db),
    sessions: sessionQueries(db),
    enrolment: enrolmentQueries(db),
    kiosks: kioskQueries(db),
    audit: auditQueries(db),
    status: statusQueries(db),
    usage: usageQueries(db),
    releases: releaseQueries(db),
    alerts: alertQueries(db),
    settings: settingQueries(db),
    statistics: statisticsQueries(db),
    configs: configQueries(db),
    commands: commandQueries(db),
    receivedKeys: receivedKeyQueries(db),
    close: () => db.destroy(),
  };
}
