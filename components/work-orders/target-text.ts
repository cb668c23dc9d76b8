import { WORK_ORDER_TARGET_LABELS, type WorkOrderTarget } from '@/lib/domain/crm-status';

/** One line naming an order's target; e.g. ACCOUNT with number CU-000123 → 'Cuenta CU-000123'. */
export function workOrderTargetText(o: { target: WorkOrderTarget; agreementCode: string; groupCode: string | null; accountNumber: string | null }) {
  const code = o.target === 'ACCOUNT' ? o.accountNumber : o.target === 'ACCOUNT_GROUP' ? o.groupCode : o.agreementCode;
  return `${WORK_ORDER_TARGET_LABELS[o.target]} ${code ?? ''}`.trim();
}
