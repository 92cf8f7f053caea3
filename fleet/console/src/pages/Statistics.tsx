import { useState } from 'react';
import { api } from '../api/client';
import { AnySchema, STATISTICS_GROUPS, type StatisticsGroup } from '../api/shapes';
import { useLoad } from '../api/useLoad';
import { BarChart } from '../components/BarChart';
import { Loaded } from '../components/Loaded';
import { barsFrom } from '../statistics-bars';
import { TEXTS } from '../texts';

const day = (date: Date) => date.toISOString().slice(0, 10);

export function Statistics() {
  const t = TEXTS.statistics;
  const [form, setForm] = useState({ from: day(new Date(Date.now() - 29 * 86_400_000)), to: day(new Date()), by: 'day' as StatisticsGroup });
  const [query, setQuery] = useState(form);
  const search = new URLSearchParams(query).toString();
  const { answer } = useLoad(() => api('GET', `/api/statistics?${search}`, AnySchema), [search]);
  const groupName = t.groups[query.by]!.toLowerCase();

  return (
    <>
      <h1>{t.title}</h1>
      <form className="row" onSubmit={(event) => { event.preventDefault(); setQuery(form); }}>
        <label>{t.from}<input type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} required /></label>
        <label>{t.to}<input type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} required /></label>
        <label>{t.by}
          <select value={form.by} onChange={(e) => setForm({ ...form, by: e.target.value as StatisticsGroup })}>
            {STATISTICS_GROUPS.map((g) => <option key={g} value={g}>{t.groups[g]}</option>)}
          </select>
        </label>
        <button type="submit" className="primary">{t.show}</button>
        <a className="button" href={`/api/statistics.csv?${search}`} download>{t.csv}</a>
      </form>
      <Loaded answer={answer}>
        {(value) => {
          const bars = barsFrom(value, query.by, t.unknownKey);
          if (bars === null) return <p className="note error">{TEXTS.common.failed('unexpected answer')}</p>;
          if (bars.length === 0) return <p>{t.empty}</p>;
          return (
            <>
              <BarChart bars={bars} title={t.chart(groupName)} />
              <table className="statistics">
                <thead><tr><th scope="col">{t.groups[query.by]}</th><th scope="col">{t.count}</th></tr></thead>
                <tbody>{bars.map((bar, index) => <tr key={`${bar.label}-${index}`}><th scope="row">{bar.label}</th><td>{bar.count}</td></tr>)}</tbody>
              </table>
            </>
          );
        }}
      </Loaded>
    </>
  );
}
