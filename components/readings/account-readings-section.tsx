import Link from 'next/link';
import { Droplets } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardAction, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { NotFoundError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';
import { accountReadingHistory } from '@/lib/dal/readings';
import { ANOMALY_LABELS, isAnomalyCode } from '@/lib/domain/billing/readings';
import { formatDate, formatNumber, formatPeriod } from '@/lib/domain/format';

const SOURCE_LABELS = { MANUAL: 'Manual', IMPORT: 'Importada', ESTIMATE: 'Estimación' } as const;

/** The last 12 readings of an account, for its detail page; nothing for roles that do not see readings. */
export async function AccountReadingsSection({ actor, accountId }: { actor: Actor; accountId: string }) {
  if (!can(actor.role, 'readings.read')) return null;
  const history = await accountReadingHistory(actor, accountId, 12).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e)));
  if (!history) return null;
  const { account, readings } = history;
  const entryHref = `/lecturas?sucursal=${account.branchId}&q=${encodeURIComponent(account.number)}`;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Lecturas</CardTitle>
        {account.meterNumber && account.status === 'ACTIVE' && can(actor.role, 'readings.write') ? (
          <CardAction>
            <Button variant="outline" size="sm" asChild>
              <Link href={entryHref}>
                <Droplets /> Registrar lectura
              </Link>
            </Button>
          </CardAction>
        ) : null}
      </CardHeader>
      <CardContent>
        {readings.length === 0 ? (
          <EmptyState
            icon={Droplets}
            title="Sin lecturas"
            description={account.meterNumber ? 'Todavía no se registró ninguna lectura de este medidor.' : 'La cuenta no tiene medidor: se factura sin consumo medido.'}
            className="min-h-32"
          />
        ) : (
          <div className="overflow-x-auto">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Período</TableHead>
                  <TableHead>Fecha</TableHead>
                  <TableHead className="text-right">Lectura</TableHead>
                  <TableHead className="text-right">Consumo</TableHead>
                  <TableHead>Anomalía</TableHead>
                  <TableHead>Lector</TableHead>
                  <TableHead>Origen</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {readings.map(({ reading: r, billed }) => (
                  <TableRow key={r.id}>
                    <TableCell className="whitespace-nowrap">
                      {formatPeriod(r.period)} {billed ? <Badge variant="secondary">Facturada</Badge> : null}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">{formatDate(r.readingDate)}</TableCell>
                    <TableCell className="text-right font-mono tabular-nums">{r.value === null ? '—' : formatNumber(r.value, 0)}</TableCell>
                    <TableCell className="text-right whitespace-nowrap tabular-nums">
                      {formatNumber(r.consumption, 0)} m³ {r.estimated ? <Badge variant="warning">Estimada</Badge> : null}
                    </TableCell>
                    <TableCell>{r.anomalyCode ? `${r.anomalyCode} — ${isAnomalyCode(r.anomalyCode) ? ANOMALY_LABELS[r.anomalyCode] : ''}` : '—'}</TableCell>
                    <TableCell>{r.readerName ?? '—'}</TableCell>
                    <TableCell>{SOURCE_LABELS[r.source]}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
