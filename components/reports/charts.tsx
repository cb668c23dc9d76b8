'use client';

import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney, formatNumber } from '@/lib/domain/format';

// Charts only draw: amounts arrive as decimal strings and become numbers for the axes here, never
// for arithmetic (tables and CSV show the exact strings).
const BUCKETS = [
  { key: 'b0_30', label: '0–30 días', color: '#16a34a' },
  { key: 'b31_60', label: '31–60 días', color: '#84cc16' },
  { key: 'b61_90', label: '61–90 días', color: '#eab308' },
  { key: 'b91_180', label: '91–180 días', color: '#f97316' },
  { key: 'b180', label: 'Más de 180 días', color: '#dc2626' },
] as const;

type AgingPoint = { label: string } & Record<(typeof BUCKETS)[number]['key'], string>;

// Axis ticks: 1 250 000 → '1.3 M', 48 000 → '48 k', 950 → '950'.
const axisMoney = (v: number) => (Math.abs(v) >= 1_000_000 ? `${formatNumber(v / 1_000_000, 1)} M` : Math.abs(v) >= 1000 ? `${formatNumber(v / 1000, 0)} k` : formatNumber(v, 0));

/** Receivables aging: one stacked bar per group (branch or segment), a segment per bucket. */
export function AgingChart({ data, currency }: { data: AgingPoint[]; currency: string }) {
  const rows = data.map((d) => ({ label: d.label, ...Object.fromEntries(BUCKETS.map((b) => [b.key, Number(d[b.key])])) }));
  return (
    <div className="h-72 w-full" role="img" aria-label={`Gráfico de antigüedad de la cartera en ${currency}`} data-testid="aging-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
          <YAxis tickFormatter={axisMoney} tick={{ fontSize: 12 }} width={64} />
          <Tooltip formatter={(v) => formatMoney(Number(v), currency)} />
          <Legend />
          {BUCKETS.map((b) => (
            <Bar key={b.key} dataKey={b.key} name={b.label} stackId="aging" fill={b.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Payments received per day (line) for one currency. */
export function PaymentsByDayChart({ data, currency }: { data: { key: string; amount: string; payments: number }[]; currency: string }) {
  const rows = data.map((d) => ({ day: d.key.slice(8, 10) + '/' + d.key.slice(5, 7), amount: Number(d.amount), payments: d.payments }));
  return (
    <div className="h-64 w-full" role="img" aria-label={`Gráfico de cobros por día en ${currency}`} data-testid="payments-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={axisMoney} tick={{ fontSize: 12 }} width={64} />
          <Tooltip formatter={(v, name) => (name === 'Monto' ? formatMoney(Number(v), currency) : String(v))} />
          <Line type="monotone" dataKey="amount" name="Monto" stroke="var(--chart-1, #2563eb)" strokeWidth={2} dot={rows.length <= 31} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Billed vs collected per period (bars) with the collection efficiency % (line, right axis). */
export function EfficiencyChart({ data, currency }: { data: { period: string; billed: string; collected: string; efficiency: string | null }[]; currency: string }) {
  const rows = data.map((d) => ({ period: d.period, billed: Number(d.billed), collected: Number(d.collected), efficiency: d.efficiency === null ? null : Number(d.efficiency) }));
  return (
    <div className="h-72 w-full" role="img" aria-label={`Gráfico de facturado contra cobrado en ${currency}`} data-testid="efficiency-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="period" tick={{ fontSize: 12 }} />
          <YAxis yAxisId="money" tickFormatter={axisMoney} tick={{ fontSize: 12 }} width={64} />
          <YAxis yAxisId="pct" orientation="right" domain={[0, 100]} tickFormatter={(v: number) => `${v} %`} tick={{ fontSize: 12 }} width={48} />
          <Tooltip formatter={(v, name) => (name === 'Eficiencia' ? `${formatNumber(Number(v), 1)} %` : formatMoney(Number(v), currency))} />
          <Legend />
          <Bar yAxisId="money" dataKey="billed" name="Facturado" fill="var(--chart-2, #94a3b8)" isAnimationActive={false} />
          <Bar yAxisId="money" dataKey="collected" name="Cobrado" fill="var(--chart-1, #16a34a)" isAnimationActive={false} />
          <Line yAxisId="pct" type="monotone" dataKey="efficiency" name="Eficiencia" stroke="var(--chart-5, #dc2626)" strokeWidth={2} isAnimationActive={false} connectNulls />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
