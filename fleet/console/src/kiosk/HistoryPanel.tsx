import { api } from '../api/client';
import { HistorySchema } from '../api/shapes';
import { useLoad } from '../api/useLoad';
import { Loaded } from '../components/Loaded';
import { formatTime } from '../components/TimeAgo';
import { said, TEXTS } from '../texts';
import { bytes } from './units';
import { HeaderRow } from '../components/HeaderRow';

const DAY_MS = 24 * 3600_000;
/** The table shows the latest statuses only: a heartbeat every 30 s makes thousands a day. */
const TABLE_ROWS = 20;

export function HistoryPanel({ kioskId }: { kioskId: string }) {
  const since = new Date(Date.now() - DAY_MS).toISOString();
  const { answer } = useLoad(() => api('GET', `/api/kiosks/${kioskId}/history?since=${encodeURIComponent(since)}`, HistorySchema), [kioskId]);
  const t = TEXTS.kiosk;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t.history}</h2>
      <Loaded answer={answer}>
        {({ history }) => {
          if (history.length === 0) return <p>{t.historyEmpty}</p>;
          const points = history.map((entry) => ({ at: entry.heardAt ?? entry.at ?? '', status: entry.status }));
          return (
            <>
              <ProblemsChart points={points.map((p) => ({ at: Date.parse(p.at), problems: p.status.devices.filter((d) => d.state !== 'ok').length }))} />
              <table>
                <HeaderRow columns={t.historyColumns} />
                <tbody>
                  {points.slice(-TABLE_ROWS).reverse().map((p, index) => (
                    <tr key={`${p.at}-${index}`}>
                      <td className="when">{formatTime(p.at)}</td>
                      <td>{said(TEXTS.visits, p.status.visit)}</td>
                      <td>{p.status.softwareVersion}</td>
                      <td>{p.status.devices.filter((d) => d.state !== 'ok').length}</td>
                      <td>{bytes(p.status.disk.freeBytes)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

/** One tick per status over the last 24 hours, as tall as the number of devices in trouble (plain SVG). */
function ProblemsChart({ points }: { points: { at: number; problems: number }[] }) {
  const width = 600;
  const height = 80;
  const labels = 16;
  const end = Date.now();
  const most = Math.max(1, ...points.map((p) => p.problems));
  return (
    <svg className="history-chart" viewBox={`0 0 ${width} ${height + labels}`} role="img" aria-label={TEXTS.kiosk.historyChart}>
      <line x1={0} y1={height - 1} x2={width} y2={height - 1} className="axis" />
      <text x={2} y={height + labels - 3} className="axis-label">{TEXTS.kiosk.historyStart}</text>
      <text x={width - 2} y={height + labels - 3} textAnchor="end" className="axis-label">{TEXTS.kiosk.historyEnd}</text>
      {points.map((p, index) => {
        const x = ((p.at - (end - DAY_MS)) / DAY_MS) * width;
        const h = p.problems === 0 ? 3 : (p.problems / most) * (height - 6);
        return <rect key={index} x={x} y={height - 1 - h} width={2} height={h} className={p.problems === 0 ? 'tick ok' : 'tick bad'} />;
      })}
    </svg>
  );
}
