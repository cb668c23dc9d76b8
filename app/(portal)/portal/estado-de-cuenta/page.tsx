import type { Metadata } from 'next';
import { FileDown, FileText, TriangleAlert } from 'lucide-react';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { NotFoundError, UserError } from '@/lib/auth/errors';
import { requirePageActor } from '@/lib/dal/page';
import { getPortalAgreementStatement, portalInvoiceFilterOptions } from '@/lib/dal/portal-invoices';
import { parseStatementRange } from '@/lib/dal/statements';
import { AGREEMENT_STATUS_LABELS } from '@/lib/domain/crm-status';
import { formatDate, formatMoney, toLocalDateString } from '@/lib/domain/format';
import { STATEMENT_ENTRY_LABELS, type StatementRow } from '@/lib/domain/pdf/statement';
import type { StatementPdfData } from '@/lib/pdf/statement-document';
import { portalStatementQuerySchema } from '@/lib/validation/portal-invoices';
import { firstValues, listHref, type RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Estado de cuenta' };

/**
 * Statement of account of one of the client's agreements for a date range: on screen, and as the
 * same PDF staff print. Defaults to the first active agreement and the year so far.
 */
export default async function PortalStatementPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('portal.use');
  const query = portalStatementQuerySchema.parse(firstValues(await searchParams));
  const { agreements } = await portalInvoiceFilterOptions(actor);
  const today = toLocalDateString(new Date());
  const agreementId = query.acuerdo ?? (agreements.find((a) => a.status === 'ACTIVE') ?? agreements[0])?.id;
  const desde = query.desde ?? `${today.slice(0, 4)}-01-01`;
  const hasta = query.hasta ?? today;

  let data: StatementPdfData | null = null;
  let problem: string | null = null;
  if (agreementId) {
    try {
      data = await getPortalAgreementStatement(actor, agreementId, parseStatementRange({ desde, hasta }));
    } catch (err) {
      // A bad range, or an agreement that is not the client's (the same "not found" as an unknown one).
      if (err instanceof UserError || err instanceof NotFoundError) problem = err.message;
      else throw err;
    }
  }
  const pdfHref = listHref('/portal/estado-de-cuenta/pdf', { acuerdo: agreementId, desde, hasta });

  return (
    <>
      <PageHeader
        title="Estado de cuenta"
        crumbs={[{ label: 'Mi cuenta', href: '/portal' }, { label: 'Estado de cuenta' }]}
        description="Saldo anterior, facturas, notas y pagos de un acuerdo en un rango de fechas, y el saldo al cierre."
        actions={
          data ? (
            <Button variant="outline" asChild>
              <a href={pdfHref} target="_blank" rel="noopener">
                <FileDown aria-hidden /> Descargar PDF
              </a>
            </Button>
          ) : undefined
        }
      />
      {agreements.length === 0 ? (
        <EmptyState icon={FileText} title="Todavía no tiene acuerdos" description="El estado de cuenta estará disponible cuando tenga un acuerdo de facturación." />
      ) : (
        <>
          <form className="mb-4 grid grid-cols-1 gap-3 rounded-lg border p-3 sm:grid-cols-2 lg:flex lg:flex-wrap lg:items-end" aria-label="Elegir acuerdo y fechas">
            <div className="grid gap-1.5 sm:col-span-2 lg:w-96">
              <Label htmlFor="e-acuerdo">Acuerdo</Label>
              <NativeSelect id="e-acuerdo" name="acuerdo" defaultValue={agreementId}>
                {agreements.map((a) => (
                  <NativeSelectOption key={a.id} value={a.id}>
                    {a.code} — {a.name}
                    {a.status === 'ACTIVE' ? '' : ` (${AGREEMENT_STATUS_LABELS[a.status]})`}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </div>
            <div className="grid gap-1.5 lg:w-44">
              <Label htmlFor="e-desde">Desde</Label>
              <Input id="e-desde" name="desde" type="date" required defaultValue={desde} max={today} />
            </div>
            <div className="grid gap-1.5 lg:w-44">
              <Label htmlFor="e-hasta">Hasta</Label>
              <Input id="e-hasta" name="hasta" type="date" required defaultValue={hasta} />
            </div>
            <Button type="submit" variant="secondary" className="sm:col-span-2 lg:col-auto">
              Ver estado de cuenta
            </Button>
          </form>
          {problem ? (
            <Alert variant="destructive" role="alert" className="mb-4">
              <TriangleAlert aria-hidden />
              <AlertDescription>{problem}</AlertDescription>
            </Alert>
          ) : null}
          {data ? <StatementView data={data} /> : null}
        </>
      )}
    </>
  );
}

function StatementView({ data }: { data: StatementPdfData }) {
  const st = data.statement;
  const money = (v: string) => formatMoney(v, data.agreement.currency);
  return (
    <SectionCard
      title={`${data.agreement.code} — ${data.agreement.name}`}
      description={`Del ${formatDate(data.from)} al ${formatDate(data.to)} · ${data.agreement.currency} · Sucursal ${data.agreement.branchName}`}
    >
      <dl className="mb-4 grid gap-2 text-sm sm:grid-cols-4 sm:gap-3">
        <Figure label="Saldo anterior" value={money(st.opening)} />
        <Figure label="Cargos" value={money(st.charges)} />
        <Figure label="Abonos" value={money(st.credits)} />
        <Figure label="Saldo al cierre" value={money(st.closing)} strong />
      </dl>
      {st.rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">Sin movimientos en el rango: el saldo no cambió.</p>
      ) : (
        <>
          <ul className="grid gap-2 sm:hidden" aria-label="Movimientos">
            {st.rows.map((r, i) => (
              <li key={i} className="grid gap-1 rounded-md border p-3 text-sm">
                <div className="flex justify-between gap-2">
                  <span>
                    {STATEMENT_ENTRY_LABELS[r.docType]} <span className="font-mono text-xs">{r.fiscalNumber}</span>
                  </span>
                  <span className="text-muted-foreground">{formatDate(r.date)}</span>
                </div>
                <div className="flex flex-wrap justify-between gap-x-3">
                  <span className={`whitespace-nowrap tabular-nums ${r.credit ? 'text-success' : ''}`}>{r.charge ? `+ ${money(r.charge)}` : `− ${money(r.credit!)}`}</span>
                  <span className="whitespace-nowrap text-muted-foreground tabular-nums">Saldo {money(r.balance)}</span>
                </div>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto rounded-md border sm:block">
            <StatementTable rows={st.rows} opening={st.opening} closing={st.closing} money={money} />
          </div>
        </>
      )}
    </SectionCard>
  );
}

function Figure({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className="flex items-baseline justify-between gap-2 rounded-md border p-2 sm:grid sm:gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className={`whitespace-nowrap tabular-nums ${strong ? 'font-semibold' : ''}`}>{value}</dd>
    </div>
  );
}

const num = 'text-right whitespace-nowrap tabular-nums';

function StatementTable({ rows, opening, closing, money }: { rows: StatementRow[]; opening: string; closing: string; money: (v: string) => string }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Fecha</TableHead>
          <TableHead>Movimiento</TableHead>
          <TableHead>Número</TableHead>
          <TableHead className="text-right">Cargo</TableHead>
          <TableHead className="text-right">Abono</TableHead>
          <TableHead className="text-right">Saldo</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        <TableRow>
          <TableCell colSpan={5} className="text-muted-foreground">
            Saldo anterior
          </TableCell>
          <TableCell className={num}>{money(opening)}</TableCell>
        </TableRow>
        {rows.map((r, i) => (
          <TableRow key={i}>
            <TableCell className="whitespace-nowrap">{formatDate(r.date)}</TableCell>
            <TableCell>{STATEMENT_ENTRY_LABELS[r.docType]}</TableCell>
            <TableCell className="font-mono text-xs">{r.fiscalNumber}</TableCell>
            <TableCell className={num}>{r.charge ? money(r.charge) : ''}</TableCell>
            <TableCell className={num}>{r.credit ? money(r.credit) : ''}</TableCell>
            <TableCell className={num}>{money(r.balance)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell colSpan={5}>Saldo al cierre</TableCell>
          <TableCell className={`${num} font-semibold`}>{money(closing)}</TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
}
