/**
 * Demo payment history: how each agreement paid its billed history. Pure generation, no I/O
 * (db/seed-payment-history.ts loads it). Each agreement draws a payer profile from its own RNG
 * seeded with (seed, agreement code), so adding agreements changes nothing for the others:
 *
 *   PUNCTUAL (70 %)  every invoice paid in full 1–12 days before its due date
 *   LATE     (15 %)  paid in full 5–40 days after the due date
 *   PARTIAL  (8 %)   about half of every invoice, on its due date
 *   STOPPED  (7 %)   paid on time until 4–7 months ago, nothing since
 *
 * A payment dated after `today` is not made (the invoice stays open). Methods follow the profile:
 * cash, card, transfer or direct debit, each with its channel and a reference.
 */
import { createRng } from '@/lib/domain/random';
import { fromCents, toCents } from '@/lib/domain/money';
import { addDays } from './crm';
import { mixSeed } from './history';

export type PayerProfile = 'PUNCTUAL' | 'LATE' | 'PARTIAL' | 'STOPPED';

export type HistoryInvoice = { id: string; agreementId: string; agreementCode: string; period: string; dueDate: string; issueDate: string; total: string; currency: string };

export type HistoryPayment = {
  invoiceId: string;
  agreementId: string;
  amount: string;
  currency: string;
  paidOn: string;
  method: 'CASH' | 'CARD' | 'DIRECT_DEBIT' | 'BANK_TRANSFER';
  channel: 'CASHIER' | 'GATEWAY' | 'DIRECT_DEBIT' | 'BANK_TRANSFER';
  reference: string | null;
};

export function payerProfile(agreementCode: string, seed: number): PayerProfile {
  const r = createRng(mixSeed(seed, `payer:${agreementCode}`)).next();
  if (r < 0.7) return 'PUNCTUAL';
  if (r < 0.85) return 'LATE';
  if (r < 0.93) return 'PARTIAL';
  return 'STOPPED';
}

const METHODS: { method: HistoryPayment['method']; channel: HistoryPayment['channel']; weight: number }[] = [
  { method: 'CASH', channel: 'CASHIER', weight: 0.4 },
  { method: 'CARD', channel: 'GATEWAY', weight: 0.25 },
  { method: 'BANK_TRANSFER', channel: 'BANK_TRANSFER', weight: 0.25 },
  { method: 'DIRECT_DEBIT', channel: 'DIRECT_DEBIT', weight: 0.1 },
];

/** The payments of the history, invoices in any order; at most one payment per invoice. */
export function generatePayments(invoices: readonly HistoryInvoice[], seed: number, today: string): HistoryPayment[] {
  const byAgreement = new Map<string, HistoryInvoice[]>();
  for (const i of invoices) {
    const list = byAgreement.get(i.agreementId);
    if (list) list.push(i);
    else byAgreement.set(i.agreementId, [i]);
  }
  const out: HistoryPayment[] = [];
  for (const list of byAgreement.values()) {
    list.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.id < b.id ? -1 : 1));
    const code = list[0].agreementCode;
    const profile = payerProfile(code, seed);
    const rng = createRng(mixSeed(seed, `payments:${code}`));
    const pick = rng.next();
    let acc = 0;
    const chosen = METHODS.find((m) => (acc += m.weight) >= pick) ?? METHODS[0];
    const periods = [...new Set(list.map((i) => i.period))];
    const stopAfter = periods.length - (4 + Math.floor(rng.next() * 4));
    list.forEach((inv) => {
      const idx = periods.indexOf(inv.period);
      let paidOn: string;
      let amount = toCents(inv.total);
      switch (profile) {
        case 'PUNCTUAL':
          paidOn = addDays(inv.dueDate, -(1 + Math.floor(rng.next() * 12)));
          break;
        case 'LATE':
          paidOn = addDays(inv.dueDate, 5 + Math.floor(rng.next() * 36));
          break;
        case 'PARTIAL':
          paidOn = inv.dueDate;
          amount = (amount * BigInt(45 + Math.floor(rng.next() * 11))) / BigInt(100);
          break;
        case 'STOPPED':
          if (idx >= stopAfter) return;
          paidOn = addDays(inv.dueDate, -(1 + Math.floor(rng.next() * 5)));
          break;
      }
      if (paidOn < inv.issueDate) paidOn = inv.issueDate;
      if (paidOn > today || amount <= BigInt(0)) return;
      const reference = chosen.method === 'CASH' ? null : `${chosen.method === 'CARD' ? 'AUT' : chosen.method === 'DIRECT_DEBIT' ? 'DEB' : 'TRF'}-${Math.floor(100000 + rng.next() * 899999)}`;
      out.push({ invoiceId: inv.id, agreementId: inv.agreementId, amount: fromCents(amount), currency: inv.currency, paidOn, method: chosen.method, channel: chosen.channel, reference });
    });
  }
  return out;
}
