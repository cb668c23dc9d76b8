'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber, MONTH_NAMES_ES } from '@/lib/domain/format';

type Point = { period: string; m3: number | null; estimated: boolean };

// '2026-03' → 'mar 26' on the axis; the tooltip says the whole month.
const shortPeriod = (p: string) => `${MONTH_NAMES_ES[Number(p.slice(5, 7)) - 1].slice(0, 3)} ${p.slice(2, 4)}`;
const longPeriod = (p: string) => `${MONTH_NAMES_ES[Number(p.slice(5, 7)) - 1]} ${p.slice(0, 4)}`;

/** m³ per period over all the client's accounts (bars); a period without readings shows no bar. */
export function ConsumptionChart({ data }: { data: Point[] }) {
  const rows = data.map((d) => ({ period: d.period, label: shortPeriod(d.period), m3: d.m3, estimated: d.estimated }));
  return (
    <div className="h-64 w-full" role="img" aria-label="Gráfico de consumo en metros cúbicos de los últimos 12 períodos" data-testid="consumption-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 4, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={4} />
          <YAxis tickFormatter={(v: number) => formatNumber(v, 0)} tick={{ fontSize: 11 }} width={56} />
          <Tooltip
            labelFormatter={(_l, payload) => {
              const p = payload?.[0]?.payload as (typeof rows)[number] | undefined;
              return p ? `${longPeriod(p.period)}${p.estimated ? ' (incluye lecturas estimadas)' : ''}` : '';
            }}
            formatter={(v) => [`${formatNumber(Number(v), 0)} m³`, 'Consumo']}
          />
          <Bar dataKey="m3" name="Consumo" fill="var(--chart-1, #2563eb)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
