import type { Bar } from '../statistics-bars';

/** Horizontal bars in plain SVG: one row per bar, the label on the start side, the figure after the bar. */
export function BarChart({ bars, title }: { bars: readonly Bar[]; title: string }) {
  const rowHeight = 26;
  const labelWidth = 220;
  const chartWidth = 480;
  const most = Math.max(1, ...bars.map((b) => b.count));
  const height = bars.length * rowHeight + 8;
  return (
    <svg className="bar-chart" viewBox={`0 0 ${labelWidth + chartWidth + 70} ${height}`} role="img" aria-label={title}>
      <title>{title}</title>
      {bars.map((bar, index) => {
        const y = index * rowHeight + 4;
        const width = Math.max(2, (bar.count / most) * chartWidth);
        return (
          <g key={`${bar.label}-${index}`}>
            <text x={labelWidth - 8} y={y + rowHeight / 2 + 5} textAnchor="end" className="bar-label">{bar.label.length > 30 ? `${bar.label.slice(0, 29)}…` : bar.label}</text>
            <rect x={labelWidth} y={y + 3} width={width} height={rowHeight - 8} className="bar" />
            <text x={labelWidth + width + 6} y={y + rowHeight / 2 + 5} className="bar-value">{bar.count}</text>
          </g>
        );
      })}
    </svg>
  );
}
