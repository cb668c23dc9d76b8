/**
 * The consumption history block of an invoice: the metered m³ of its accounts summed per period,
 * for the `count` periods ending with the invoice's, oldest first (a period without readings is a
 * zero bar). No readings at all in the window → null: the block is omitted. Pure.
 */
import { shiftPeriod } from '@/lib/domain/billing/period';

export const SHORT_MONTHS_ES = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'] as const;

export type ConsumptionBar = { period: string; m3: number; month: string; year: string | null };

// e.g. ('2026-10', 3) with readings of 2026-09 (40) and 2026-10 (25) → aug 0, sep 40, oct 25.
export function consumptionSeries(perPeriod: readonly { period: string; m3: number }[], endPeriod: string, count: number): ConsumptionBar[] | null {
  const totals = new Map<string, number>();
  for (const r of perPeriod) totals.set(r.period, (totals.get(r.period) ?? 0) + r.m3);
  const periods = Array.from({ length: count }, (_, i) => shiftPeriod(endPeriod, i - count + 1));
  if (!periods.some((p) => totals.has(p))) return null;
  return periods.map((period, i) => {
    const month = Number(period.slice(5, 7));
    // The year prints under the first bar and under every January, so each bar's year is known.
    return { period, m3: totals.get(period) ?? 0, month: SHORT_MONTHS_ES[month - 1], year: i === 0 || month === 1 ? period.slice(2, 4) : null };
  });
}

// The axis top: the maximum rounded up to 1, 2 or 5 × 10ⁿ; e.g. 37 → 50, 120 → 200, 0 → 1.
export function chartScaleMax(max: number): number {
  if (!(max > 0)) return 1;
  const exp = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (max <= step * exp) return step * exp;
  return 10 * exp;
}

// The chart's last period: the invoice's; for one without a period (manual), the latest period with
// readings up to its month of issue; e.g. (null, '2026-11-02', [2026-09, 2026-10]) → '2026-10'.
export function chartEndPeriod(period: string | null, issueDate: string | null, perPeriod: readonly { period: string }[]): string | null {
  if (period) return period;
  const month = issueDate?.slice(0, 7);
  if (!month) return null;
  const latest = perPeriod.map((r) => r.period).filter((p) => p <= month).sort().at(-1);
  return latest ?? month;
}
