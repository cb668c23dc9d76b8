import { CreditCard } from 'lucide-react';
import { AddButton } from '@/components/add-button';
import { SectionCard } from '@/components/section-card';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { deactivatePaymentMethodAction, setDefaultPaymentMethodAction } from '@/lib/actions/payment-methods';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';
import { listPaymentMethods } from '@/lib/dal/payment-methods';
import { PaymentMethodRowActions } from './payment-method-row-actions';

/**
 * The "Medios de pago" section of the agreement detail page (server component): the methods with
 * the instrument masked, and for writers the add button and make-default / deactivate actions.
 * Group and account ids are accepted for symmetry with the other sections; methods are per agreement.
 */
export async function AgreementPaymentMethodsSection({
  actor,
  agreement,
}: {
  actor: Actor;
  agreement: { id: string; status: string; branchId: string; code: string };
  accountGroupId?: string;
  accountId?: string;
}) {
  if (!can(actor.role, 'agreements.read')) return null;
  const rows = await listPaymentMethods(actor, agreement.id);
  const writable = can(actor.role, 'agreements.write') && agreement.status !== 'CLOSED';
  const addHref = `/acuerdos/${agreement.id}/medios-de-pago/nuevo`;
  return (
    <SectionCard
      id="medios-de-pago"
      title="Medios de pago"
      description="Los números de tarjeta y de cuenta se guardan enmascarados: solo los últimos cuatro dígitos."
      action={writable && rows.length > 0 ? <AddButton href={addHref} size="sm">Agregar medio de pago</AddButton> : null}
    >
      {rows.length === 0 ? (
        <EmptyState
          icon={CreditCard}
          title="Sin medios de pago"
          description={writable ? 'Registre cómo pagará el cliente: contado, tarjeta, débito automático o transferencia.' : 'Este acuerdo no tiene medios de pago registrados.'}
          action={writable ? <AddButton href={addHref}>Agregar medio de pago</AddButton> : undefined}
        />
      ) : (
        <div className="rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Medio</TableHead>
                <TableHead>Entidad</TableHead>
                <TableHead>Instrumento</TableHead>
                <TableHead className="hidden sm:table-cell">Vencimiento</TableHead>
                <TableHead>Estado</TableHead>
                {writable ? <TableHead className="text-right">Acciones</TableHead> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((m) => (
                <TableRow key={m.id} className={m.active ? undefined : 'text-muted-foreground'}>
                  <TableCell>
                    {m.methodLabel}
                    {m.isDefault ? (
                      <Badge variant="default" className="ml-2">
                        Predeterminado
                      </Badge>
                    ) : null}
                  </TableCell>
                  <TableCell>{m.entityName ?? '—'}</TableCell>
                  <TableCell className="font-mono whitespace-nowrap">{m.masked || '—'}</TableCell>
                  <TableCell className="hidden tabular-nums sm:table-cell">{m.expiry ?? '—'}</TableCell>
                  <TableCell>{m.active ? <Badge variant="success">Activo</Badge> : <Badge variant="secondary">Inactivo</Badge>}</TableCell>
                  {writable ? (
                    <TableCell className="text-right">
                      {m.active ? (
                        <PaymentMethodRowActions
                          label={[m.methodLabel, m.entityName, m.masked].filter(Boolean).join(' ')}
                          isDefault={m.isDefault}
                          setDefault={setDefaultPaymentMethodAction.bind(null, m.id)}
                          deactivate={deactivatePaymentMethodAction.bind(null, m.id)}
                        />
                      ) : null}
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </SectionCard>
  );
}
