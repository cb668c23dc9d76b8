import { Printer } from 'lucide-react';
import { SectionCard } from '@/components/section-card';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { createPrintAssignmentAction, deletePrintAssignmentAction } from '@/lib/actions/print-formats';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';
import { listAgreementPrintAssignments } from '@/lib/dal/print-formats';
import { PRINT_FORMAT_TYPE_LABELS } from '@/lib/domain/pdf/print-format';
import { AddPrintAssignmentForm, RemovePrintAssignmentButton } from './print-assignment-forms';

/**
 * The "Formatos de impresión" section of the agreement page (server component): the agreement's
 * assignments (identifier, class, type, format) and, for writers, add and remove.
 */
export async function AgreementPrintFormatsSection({ actor, agreement }: { actor: Actor; agreement: { id: string; status: string } }) {
  if (!can(actor.role, 'agreements.read')) return null;
  const { rows, options } = await listAgreementPrintAssignments(actor, agreement.id);
  const writable = can(actor.role, 'agreements.write') && agreement.status !== 'CLOSED';
  return (
    <SectionCard
      id="formatos-de-impresion"
      title="Formatos de impresión"
      description="Con qué formato se imprimen las facturas del acuerdo, por clase y tipo (automáticas de las corridas o manuales del personal). Sin asignación se usa el formato por omisión de la empresa."
    >
      <div className="grid gap-4">
        {rows.length === 0 ? (
          <EmptyState icon={Printer} title="Sin formatos asignados" description="Las facturas del acuerdo se imprimen con el formato por omisión de la empresa para su clase." />
        ) : (
          <div className="rounded-md border">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Identificador</TableHead>
                  <TableHead>Clase</TableHead>
                  <TableHead>Tipo</TableHead>
                  <TableHead>Formato</TableHead>
                  {writable ? <TableHead className="text-right">Acciones</TableHead> : null}
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell className="font-mono text-xs">{r.code}</TableCell>
                    <TableCell>{r.invoiceClass}</TableCell>
                    <TableCell>{PRINT_FORMAT_TYPE_LABELS[r.type]}</TableCell>
                    <TableCell>
                      {r.formatName} <span className="font-mono text-xs text-muted-foreground">({r.formatCode})</span>
                      {r.formatActive ? null : (
                        <Badge variant="secondary" className="ml-2">
                          Inactivo
                        </Badge>
                      )}
                    </TableCell>
                    {writable ? (
                      <TableCell className="text-right">
                        <RemovePrintAssignmentButton
                          action={deletePrintAssignmentAction.bind(null, r.id)}
                          code={r.code}
                          description={`Clase ${r.invoiceClass}, ${PRINT_FORMAT_TYPE_LABELS[r.type].toLowerCase()}: ${r.formatName}`}
                        />
                      </TableCell>
                    ) : null}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        {writable ? options.length ? <AddPrintAssignmentForm action={createPrintAssignmentAction.bind(null, agreement.id)} options={options} /> : <p className="text-sm text-muted-foreground">No hay formatos activos para asignar.</p> : null}
      </div>
    </SectionCard>
  );
}
