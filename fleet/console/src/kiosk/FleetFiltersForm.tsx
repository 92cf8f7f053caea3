import type { Kiosk } from '../api/shapes';
import { groupsOf, type FleetFilters } from '../kiosk-summary';
import { TEXTS } from '../texts';

/** The select can only hold strings: this value stands for "kiosks without a group". */
const NO_GROUP = '\u0000none';

export function FleetFiltersForm({ kiosks, filters, onChange }: { kiosks: readonly Kiosk[]; filters: FleetFilters; onChange: (next: FleetFilters) => void }) {
  const t = TEXTS.fleet;
  return (
    <form className="filters" role="search" aria-label={t.filters} onSubmit={(event) => event.preventDefault()}>
      <label>
        {t.search}
        <input type="search" value={filters.text} onChange={(e) => onChange({ ...filters, text: e.target.value })} />
      </label>
      <label>
        {t.group}
        <select value={filters.group ?? NO_GROUP} onChange={(e) => onChange({ ...filters, group: e.target.value === NO_GROUP ? null : e.target.value })}>
          <option value="">{t.anyGroup}</option>
          <option value={NO_GROUP}>{t.noGroup}</option>
          {groupsOf(kiosks).map((group) => <option key={group} value={group}>{group}</option>)}
        </select>
      </label>
      <label>
        {t.connection}
        <select value={filters.connection} onChange={(e) => onChange({ ...filters, connection: e.target.value as FleetFilters['connection'] })}>
          <option value="any">{t.any}</option>
          <option value="online">{t.online}</option>
          <option value="offline">{t.offline}</option>
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={filters.problemsOnly} onChange={(e) => onChange({ ...filters, problemsOnly: e.target.checked })} />
        {t.problems}
      </label>
    </form>
  );
}
