import Link from 'next/link';
import { AuditActionBadge } from '@/components/audit/audit-action-badge';
import { ShieldCheck } from 'lucide-react';
import { FilterActions } from '@/components/lists/filter-actions';
import { LabelledOptions } from '@/components/forms/select-options';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { PaginationBar } from '@/components/ui/pagination';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { listAuditLog } from '@/lib/dal/audit';
import { diffRecords } from '@/lib/domain/diff';
import { formatDateTime } from '@/lib/domain/format';
import { listHref } from '@/lib/validation/search-params';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, type AuditListParams } from '@/lib/validation/audit';

type Data = Awaited<ReturnType<typeof listAuditLog>>;

function show(v: unknown) {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** The audit log with filters; used by /admin/audit and the auditor's /auditoria. */
export function AuditLogView({ data, params, basePath }: { data: Data; params: AuditListParams; basePath: string }) {
  const qs = (page: number) => listHref(basePath, { ...params, page });
  const filtered = Boolean(params.entity || params.entityId || params.action || params.user || params.from || params.to);
  return (
    <>
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search" aria-label="Filtrar auditoría">
        <NativeSelect name="entity" defaultValue={params.entity ?? ''} aria-label="Entidad" wrapperClassName="w-44">
          <NativeSelectOption value="">Todas las entidades</NativeSelectOption>
          {data.entities.map((e) => (
            <NativeSelectOption key={e} value={e}>
              {AUDIT_ENTITY_LABELS[e] ?? e}
            </NativeSelectOption>
          ))}
        </NativeSelect>
        <NativeSelect name="action" defaultValue={params.action ?? ''} aria-label="Acción" wrapperClassName="w-48">
          <NativeSelectOption value="">Todas las acciones</NativeSelectOption>
          <LabelledOptions labels={AUDIT_ACTION_LABELS} />
        </NativeSelect>
        <Input name="user" defaultValue={params.user} placeholder="Usuario (correo)" aria-label="Usuario" className="w-52" />
        <Input name="entityId" defaultValue={params.entityId} placeholder="Id del registro" aria-label="Id del registro" className="w-52" />
        <label className="grid gap-1 text-xs text-muted-foreground">
          Desde
          <Input type="date" name="from" defaultValue={params.from} className="w-40" />
        </label>
        <label className="grid gap-1 text-xs text-muted-foreground">
          Hasta
          <Input type="date" name="to" defaultValue={params.to} className="w-40" />
        </label>
        <FilterActions filtered={filtered} clearHref={basePath} />
      </form>
      {data.total === 0 ? (
        <EmptyState icon={ShieldCheck} title="Sin registros" description={filtered ? 'Ningún registro coincide con el filtro.' : 'Todavía no se ha registrado ningún cambio.'} />
      ) : (
        <div className="rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Fecha y hora</TableHead>
                <TableHead>Usuario</TableHead>
                <TableHead>Acción</TableHead>
                <TableHead>Entidad</TableHead>
                <TableHead>Cambios</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.rows.map((r) => {
                const changes = diffRecords(r.before, r.after);
                return (
                  <TableRow key={r.id} className="align-top">
                    <TableCell className="whitespace-nowrap tabular-nums">{formatDateTime(r.at)}</TableCell>
                    <TableCell className="whitespace-nowrap">{r.userEmail ?? 'Sistema'}</TableCell>
                    <TableCell>
                      <AuditActionBadge action={r.action} />
                    </TableCell>
                    <TableCell>
                      <div>{AUDIT_ENTITY_LABELS[r.entity] ?? r.entity}</div>
                      <Link href={`${basePath}?entity=${encodeURIComponent(r.entity)}&entityId=${encodeURIComponent(r.entityId)}`} className="font-mono text-xs text-muted-foreground hover:underline">
                        {r.entityId}
                      </Link>
                    </TableCell>
                    <TableCell className="max-w-xl">
                      {changes.length === 0 ? (
                        <span className="text-muted-foreground">—</span>
                      ) : (
                        <details>
                          <summary className="cursor-pointer text-sm">
                            {changes.length} {changes.length === 1 ? 'campo' : 'campos'}: {changes.slice(0, 3).map((c) => c.field).join(', ')}
                            {changes.length > 3 ? '…' : ''}
                          </summary>
                          <dl className="mt-2 grid gap-1 text-xs">
                            {changes.map((c) => (
                              <div key={c.field} className="grid grid-cols-[10rem_1fr] gap-2">
                                <dt className="font-mono text-muted-foreground">{c.field}</dt>
                                <dd className="break-all">
                                  {r.before !== null ? <span className="text-destructive line-through">{show(c.before)}</span> : null} <span className="text-emerald-700">{show(c.after)}</span>
                                </dd>
                              </div>
                            ))}
                          </dl>
                        </details>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
      <PaginationBar className="mt-4" page={data.page} pageCount={data.pageCount} total={data.total} pageSize={data.pageSize} hrefFor={qs} />
    </>
  );
}
