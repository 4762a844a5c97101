import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { api, ok } from '../../api/client';
import { formatDate, formatDecimal, formatPeriod } from '../../lib/format';
import { ErrorMessage, ScrollTable, Skeleton } from '../../ui/ui';
import { READING_SOURCES, RESOURCES, tariffLabel, tariffsOf, unitOf } from './resources';

type Period = { period: string; consumption: { t1: string } | null };

function monthsBack(n: number): { from: string; to: string } {
  const now = new Date();
  const at = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  return { from: at(new Date(now.getFullYear(), now.getMonth() - n + 1, 1)), to: at(now) };
}

/** Six months of readings per meter: a table, and a small consumption chart (uPlot, loaded with this chunk). */
export default function History({ accountId }: { accountId: string }) {
  const range = monthsBack(6);
  const q = useQuery({
    queryKey: ['readings', accountId, range.from],
    queryFn: () =>
      ok(api.GET('/api/v1/me/accounts/{accountId}/readings', { params: { path: { accountId }, query: range } })),
  });
  const [meterId, setMeterId] = useState<string>();
  if (!q.data) return q.isError ? <ErrorMessage error={q.error} /> : <Skeleton height={240} />;
  const meters = q.data.meters;
  const meter = meters.find((m) => m.meterId === meterId) ?? meters[0];
  if (!meter) return <p className="muted">Показаний за полгода нет.</p>;
  const tariffs = tariffsOf(meter.tariffs);
  return (
    <div className="card">
      <div className="field">
        <label htmlFor="history-meter">Счётчик</label>
        <select id="history-meter" value={meter.meterId} onChange={(e) => setMeterId(e.target.value)}>
          {meters.map((m) => (
            <option key={m.meterId} value={m.meterId}>
              {RESOURCES[m.resource]} № {m.serialNumber}
            </option>
          ))}
        </select>
      </div>
      <Chart periods={meter.periods} unit={unitOf(meter.unit)} />
      <ScrollTable label="Показания за 6 месяцев">
        <table>
          <caption className="visually-hidden">Показания за 6 месяцев</caption>
          <thead>
            <tr>
              <th scope="col">Месяц</th>
              <th scope="col">Дата</th>
              {tariffs.map((t, i) => (
                <th scope="col" className="num" key={t}>
                  Показание {tariffLabel(meter.tariffs, i)}
                </th>
              ))}
              <th scope="col" className="num">
                Расход, {unitOf(meter.unit)}
              </th>
              <th scope="col">Источник</th>
            </tr>
          </thead>
          <tbody>
            {[...meter.periods].reverse().map((p) => (
              <tr key={p.readingId}>
                <td>{formatPeriod(p.period)}</td>
                <td>{formatDate(p.takenOn)}</td>
                {tariffs.map((t) => (
                  <td className="num" key={t}>
                    {formatDecimal(p.values[t] ?? '0')}
                  </td>
                ))}
                <td className="num">
                  {p.consumption ? tariffs.map((t) => formatDecimal(p.consumption![t] ?? '0')).join(' / ') : '—'}
                </td>
                <td>{READING_SOURCES[p.source] ?? p.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </div>
  );
}

/** Consumption per month (the first tariff); a chart only, the table above carries the exact figures. */
// `periods` comes from the query's data, which keeps its identity while the figures stay the same.
function Chart({ periods, unit }: { periods: Period[]; unit: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || periods.length < 2) return;
    const xs = periods.map((_, i) => i);
    const values = periods.map((p) => (p.consumption ? Number(p.consumption.t1) : null));
    const plot = new uPlot(
      {
        width: el.clientWidth,
        height: 180,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false } },
        axes: [
          {
            values: (_u, ticks) =>
              ticks.map((t) => (Number.isInteger(t) ? formatPeriod(periods[t]?.period ?? '').slice(0, 3) : '')),
          },
          { values: (_u, ticks) => ticks.map((t) => formatDecimal(String(t))) },
        ],
        series: [
          {},
          { label: unit, stroke: '#0b5cad', width: 2, fill: 'rgba(11, 92, 173, 0.12)', points: { size: 6 } },
        ],
      },
      [xs, values],
      el,
    );
    const resize = () => plot.setSize({ width: el.clientWidth, height: 180 });
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      plot.destroy();
    };
  }, [periods, unit]);
  return <div ref={box} className="chart" role="img" aria-label={`График расхода по месяцам, ${unit}`} />;
}
