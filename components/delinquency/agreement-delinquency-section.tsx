import Link from 'next/link';
import { DelinquencyBadge } from '@/components/crm/status-badges';
import { DetailField } from '@/components/detail-field';
import { SectionCard } from '@/components/section-card';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { Actor } from '@/lib/auth/scope';
import { getAgreementDelinquency } from '@/lib/dal/delinquency';
import { formatDate, formatMoney } from '@/lib/domain/format';
import { DELINQUENCY_ACTION_LABELS } from '@/lib/validation/delinquency';

const SKIP_REASONS: Record<string, string> = {
  no_email: 'sin correo en el acuerdo',
  no_invoice: 'sin factura pendiente',
  no_concept: 'el nivel no tiene concepto de recargo',
  zero_amount: 'recargo en cero',
  no_account: 'sin cuentas a las que aplicar',
  already_pending: 'ya había una orden abierta',
};

function actionResult(a: { refEntity: string | null; refId: string | null }) {
  if (!a.refEntity) return '—';
  if (a.refEntity.startsWith('skipped:')) return `Omitida: ${SKIP_REASONS[a.refEntity.slice(8)] ?? a.refEntity.slice(8)}`;
  if (a.refEntity === 'invoice' && a.refId) {
    return (
      <Link href={`/facturas/${a.refId}`} className="text-primary hover:underline">
        Nota de débito
      </Link>
    );
  }
  if (a.refEntity === 'work_order' && a.refId) return `Orden(es) ${a.refId.split(',').join(', ')}`;
  if (a.refEntity === 'email_outbox') return 'Correo en la bandeja de salida';
  if (a.refEntity === 'banner') return 'Aviso visible en el portal';
  return a.refEntity;
}

/** "Morosidad" of the agreement page (server component): status, level and since, the last 24 daily states and the actions taken. */
export async function AgreementDelinquencySection({ actor, agreement }: { actor: Actor; agreement: { id: string } }) {
  const d = await getAgreementDelinquency(actor, agreement.id);
  return (
    <SectionCard id="morosidad" title="Historial de morosidad" description="Lo calcula la corrida diaria de morosidad y se recalcula con cada pago.">
      <dl className="mb-4 grid gap-4 sm:grid-cols-4">
        <DetailField label="Estado">
          <span className="inline-flex flex-wrap items-center gap-2">
            <DelinquencyBadge status={d.status} />
            {d.exempt ? <Badge variant="outline">Exento: sin acciones</Badge> : null}
          </span>
        </DetailField>
        <DetailField label="Nivel">{d.levelName ?? (d.status === 'DELINQUENT' ? 'Sin nivel (deuda bajo el mínimo)' : '—')}</DetailField>
        <DetailField label="Desde">{d.since ? formatDate(d.since) : '—'}</DetailField>
        <DetailField label="Días de gracia">{`${d.graceDays} días`}</DetailField>
      </dl>
      {d.history.length === 0 ? (
        <p className="text-sm text-muted-foreground">Todavía no hay corridas de morosidad para este acuerdo.</p>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <div className="overflow-x-auto rounded-md border">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Fecha</TableHead>
                  <TableHead>Estado</TableHead>
                  <TableHead>Nivel</TableHead>
                  <TableHead className="text-right">Días vencidos</TableHead>
                  <TableHead className="text-right">Deuda vencida</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {d.history.map((h) => (
                  <TableRow key={h.runDate}>
                    <TableCell className="whitespace-nowrap">{formatDate(h.runDate)}</TableCell>
                    <TableCell>
                      <DelinquencyBadge status={h.status} />
                    </TableCell>
                    <TableCell>{h.levelName ?? '—'}</TableCell>
                    <TableCell className="text-right tabular-nums">{h.daysOverdue}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatMoney(h.overdueDebt, d.currency)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <div className="overflow-x-auto rounded-md border">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Fecha</TableHead>
                  <TableHead>Acción</TableHead>
                  <TableHead>Nivel</TableHead>
                  <TableHead>Resultado</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {d.actions.length === 0 ? (
                  <TableRow>
                    <TableCell colSpan={4} className="text-muted-foreground">
                      Sin acciones tomadas.
                    </TableCell>
                  </TableRow>
                ) : (
                  d.actions.map((a) => (
                    <TableRow key={a.id}>
                      <TableCell className="whitespace-nowrap">{formatDate(a.runDate)}</TableCell>
                      <TableCell>{DELINQUENCY_ACTION_LABELS[a.action]}</TableCell>
                      <TableCell>{a.levelName ?? '—'}</TableCell>
                      <TableCell>{actionResult(a)}</TableCell>
                    </TableRow>
                  ))
                )}
              </TableBody>
            </Table>
          </div>
        </div>
      )}
    </SectionCard>
  );
}
