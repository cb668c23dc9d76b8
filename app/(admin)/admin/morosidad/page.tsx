import type { Metadata } from 'next';
import Link from 'next/link';
import { AlertTriangle } from 'lucide-react';
import { CatalogList } from '@/components/admin/catalog-list';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { requirePageActor } from '@/lib/dal/page';
import { listDelinquencyLevelsForAdmin } from '@/lib/dal/delinquency-levels';
import { formatNumber } from '@/lib/domain/format';
import { DELINQUENCY_ACTION_LABELS } from '@/lib/validation/delinquency';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Política de morosidad' };

export default async function DelinquencyPolicyPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('admin.catalogs');
  const raw = firstValues(await searchParams);
  const rows = await listDelinquencyLevelsForAdmin(actor);
  const saved = raw.creado ?? raw.actualizado;
  return (
    <CatalogList
      title="Política de morosidad"
      crumb="Morosidad"
      description="Niveles que alcanza un acuerdo pasados sus días de gracia, según los días vencidos y la deuda vencida, y las acciones de cada nivel. La corrida diaria (npm run cauce -- delinquency run) los aplica una vez por episodio."
      add={{ href: '/admin/morosidad/nuevo', label: 'Nuevo nivel' }}
      saved={saved ? <>Nivel «{saved}» {raw.creado ? 'registrado' : 'actualizado'}.</> : null}
      isEmpty={rows.length === 0}
      emptyState={{
        icon: AlertTriangle,
        title: 'Todavía no hay niveles de morosidad',
        description: 'Sin niveles, un acuerdo vencido pasada su gracia queda como moroso sin acciones.',
      }}
    >
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Nivel</TableHead>
            <TableHead className="text-right">Días tras la gracia</TableHead>
            <TableHead className="text-right">Deuda mínima</TableHead>
            <TableHead>Acciones</TableHead>
            <TableHead className="text-right">Acuerdos</TableHead>
            <TableHead>Estado</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((l) => (
            <TableRow key={l.id}>
              <TableCell>
                <Link href={`/admin/morosidad/${l.id}`} className="font-medium text-primary hover:underline">
                  {l.name}
                </Link>
              </TableCell>
              <TableCell className="text-right tabular-nums">{l.daysPastGrace}</TableCell>
              <TableCell className="text-right tabular-nums">{formatNumber(l.minDebt, 2)}</TableCell>
              <TableCell>
                <div className="flex flex-wrap gap-1">
                  {l.actions.length === 0 ? <span className="text-muted-foreground">Ninguna</span> : null}
                  {l.actions.map((a) => (
                    <Badge key={a} variant="outline">
                      {DELINQUENCY_ACTION_LABELS[a]}
                      {a === 'LATE_FEE' && l.conceptCode ? ` (${l.conceptCode})` : ''}
                    </Badge>
                  ))}
                </div>
              </TableCell>
              <TableCell className="text-right tabular-nums">{l.agreements}</TableCell>
              <TableCell>{l.active ? <Badge variant="success">Activo</Badge> : <Badge variant="secondary">Inactivo</Badge>}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </CatalogList>
  );
}
