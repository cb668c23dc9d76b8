import type { PAYMENT_CHANNELS, PAYMENT_STATUSES } from '@/db/schema/collections';

export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  PENDING: 'Pendiente',
  CONFIRMED: 'Confirmado',
  REJECTED: 'Rechazado',
  REVERSED: 'Revertido',
};

export const PAYMENT_CHANNEL_LABELS: Record<PaymentChannel, string> = {
  CASHIER: 'Caja',
  GATEWAY: 'Pasarela de pago',
  DIRECT_DEBIT: 'Débito automático',
  BANK_TRANSFER: 'Transferencia',
};
