import type { Metadata } from 'next';
import Link from 'next/link';
import { CalendarClock, CreditCard, FileText, Gauge, TriangleAlert, Wallet } from 'lucide-react';
import { DelinquencyBadge } from '@/components/crm/status-badges';
import { PaymentStatusBadge } from '@/components/payments/payment-badges';
import { PAYMENT_CHANNEL_LABELS } from '@/components/payments/labels';
import { CompanyCard } from '@/components/portal/company-card';
import { ConsumptionChart } from '@/components/portal/consumption-chart';
import { ReceiptLink } from '@/components/portal/receipt-link';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { requirePageActor } from '@/lib/dal/page';
import { portalCustomer } from '@/lib/dal/portal';
import { getPortalHome } from '@/lib/dal/portal-home';
import { formatDate, formatMoney } from '@/lib/domain/format';

export const metadata: Metadata = { title: 'Mi cuenta' };

/** The client's home: what it owes and when, its agreements' delinquency, last payments and consumption. */
export default async function PortalHome() {
  const actor = await requirePageActor('portal.use');
  const [company, home] = await Promise.all([portalCustomer(actor), getPortalHome(actor)]);
  const banners = home.agreements.filter((a) => a.banner);
  const overdue = home.byCurrency.filter((c) => c.overdueCount > 0);
  return (
    <>
      <PageHeader
        title={company.customer.legalName}
        description="Portal de autogestión: sus facturas, pagos y consumo."
        crumbs={[{ label: 'Mi cuenta' }]}
        actions={
          home.byCurrency.length ? (
            <Button asChild>
              <Link href="/portal/pagar">
                <CreditCard aria-hidden /> Pagar en línea
              </Link>
            </Button>
          ) : undefined
        }
      />

      {banners.length ? (
        <div className="mb-6 grid gap-3">
          {banners.map((a) => (
            <Alert key={a.id} variant="destructive" data-testid="delinquency-banner">
              <TriangleAlert />
              <AlertTitle>
                Acuerdo {a.code} — {a.name}
              </AlertTitle>
              <AlertDescription>
                <p>{a.banner}</p>
                <Link href={`/portal/pagar?acuerdo=${a.id}`} className="font-medium underline">
                  Pagar las facturas de este acuerdo
                </Link>
              </AlertDescription>
            </Alert>
          ))}
        </div>
      ) : null}

      {!home.hasInvoices ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <EmptyState
            icon={FileText}
            title="Aún no hay facturas"
            description="Su saldo, sus vencimientos y su consumo aparecerán aquí cuando se emita la primera facturación de sus acuerdos."
            action={
              <Button variant="outline" asChild>
                <Link href="/portal/acuerdos">Ver mis acuerdos y cuentas</Link>
              </Button>
            }
          />
          <CompanyCard data={company} />
        </div>
      ) : (
        <div className="grid gap-4 lg:grid-cols-3">
          <Card data-testid="balance-due">
            <CardHeader>
              <CardTitle className="flex items-center gap-2 text-base">
                <Wallet className="size-4 text-muted-foreground" aria-hidden /> Saldo pendiente
              </CardTitle>
            </CardHeader>
            <CardContent className="grid gap-1">
              {home.byCurrency.length === 0 ? (
                <p className="text-2xl font-semibold">Al día</p>
              ) : (
                home.byCurrency.map((c) => (
                  <p key={c.currency} className="grid">
                    <span className="text-2xl font-semibold tabular-nums">{formatMoney(c.balanceDue, c.currency)}</span>
                    <span className="text-xs text-muted-foreground">
                      {c.openCount} {c.openCount === 1 ? 'documento' : 'documentos'}
                    </span>
                  </p>
                ))
              )}
            </CardContent>
          </Card>
          <Card data-testid="overdue">
            <CardHeader>
              <CardTitle className="flex items-center gap-2 text-base">
                <TriangleAlert className="size-4 text-muted-foreground" aria-hidden /> Vencido
              </CardTitle>
            </CardHeader>
            <CardContent className="grid gap-1">
              {overdue.length === 0 ? (
                <p className="text-2xl font-semibold">Nada vencido</p>
              ) : (
                <>
                  {overdue.map((c) => (
                    <p key={c.currency} className="grid">
                      <span className="text-2xl font-semibold tabular-nums text-destructive">{formatMoney(c.overdue, c.currency)}</span>
                      <span className="text-xs text-muted-foreground">
                        {c.overdueCount} {c.overdueCount === 1 ? 'documento' : 'documentos'}
                      </span>
                    </p>
                  ))}
                  {home.oldestOverdueDate ? <p className="text-xs text-muted-foreground">El más antiguo venció el {formatDate(home.oldestOverdueDate)}.</p> : null}
                </>
              )}
            </CardContent>
          </Card>
          <Card data-testid="next-due">
            <CardHeader>
              <CardTitle className="flex items-center gap-2 text-base">
                <CalendarClock className="size-4 text-muted-foreground" aria-hidden /> Próximo vencimiento
              </CardTitle>
            </CardHeader>
            <CardContent className="grid gap-1">
              {home.nextDue ? (
                <>
                  <p className="text-2xl font-semibold">{formatDate(home.nextDue.date)}</p>
                  {home.nextDue.amounts.map((a) => (
                    <p key={a.currency} className="text-sm tabular-nums text-muted-foreground">
                      {formatMoney(a.amount, a.currency)}
                    </p>
                  ))}
                </>
              ) : (
                <p className="text-2xl font-semibold">Sin vencimientos próximos</p>
              )}
            </CardContent>
          </Card>

          <SectionCard
            className="lg:col-span-2"
            title={
              <span className="flex items-center gap-2">
                <Gauge className="size-4 text-muted-foreground" aria-hidden /> Consumo de los últimos 12 períodos
              </span>
            }
            description="Metros cúbicos leídos o estimados, sumados en todas sus cuentas."
          >
            {home.consumption ? <ConsumptionChart data={home.consumption} /> : <p className="text-sm text-muted-foreground">Aún no hay lecturas de medidor en sus cuentas.</p>}
          </SectionCard>

          <SectionCard title="Morosidad de sus acuerdos">
            {home.agreements.length === 0 ? (
              <p className="text-sm text-muted-foreground">No tiene acuerdos activos.</p>
            ) : (
              <ul className="grid gap-3 text-sm">
                {home.agreements.map((a) => (
                  <li key={a.id} className="flex flex-wrap items-center justify-between gap-2">
                    <Link href={`/portal/acuerdos/${a.id}`} className="min-w-0 text-primary hover:underline">
                      <span className="font-mono">{a.code}</span> <span className="text-muted-foreground">{a.name}</span>
                    </Link>
                    <span className="flex flex-wrap items-center gap-1">
                      <DelinquencyBadge status={a.delinquencyStatus} />
                      {a.levelName ? <span className="text-xs text-muted-foreground">{a.levelName}</span> : null}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </SectionCard>

          <SectionCard
            className="lg:col-span-2"
            title="Últimos pagos"
            action={
              <Button variant="outline" size="sm" asChild>
                <Link href="/portal/facturas">Ver facturas</Link>
              </Button>
            }
          >
            {home.payments.length === 0 ? (
              <p className="text-sm text-muted-foreground">Todavía no hay pagos registrados.</p>
            ) : (
              <>
                <ul className="grid gap-2 sm:hidden" data-testid="payments-list">
                  {home.payments.map((p) => (
                    <li key={p.id} className="rounded-md border p-3 text-sm">
                      <div className="flex items-center justify-between gap-2">
                        <span className="font-semibold tabular-nums">{formatMoney(p.amount, p.currency)}</span>
                        <PaymentStatusBadge status={p.status} />
                      </div>
                      <div className="mt-1 text-muted-foreground">
                        {formatDate(p.paidOn)} · {PAYMENT_CHANNEL_LABELS[p.channel]} · <span className="font-mono">{p.agreementCode}</span>
                      </div>
                      {p.receiptNumber ? (
                        <div className="mt-1 text-xs">
                          <span className="text-muted-foreground">Recibo </span>
                          <ReceiptLink paymentId={p.id} receiptNumber={p.receiptNumber} />
                        </div>
                      ) : null}
                    </li>
                  ))}
                </ul>
                <div className="hidden rounded-md border sm:block">
                  <Table>
                    <TableHeader>
                      <TableRow>
                        <TableHead>Fecha</TableHead>
                        <TableHead>Recibo</TableHead>
                        <TableHead>Acuerdo</TableHead>
                        <TableHead>Canal</TableHead>
                        <TableHead className="text-right">Importe</TableHead>
                        <TableHead>Estado</TableHead>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {home.payments.map((p) => (
                        <TableRow key={p.id}>
                          <TableCell>{formatDate(p.paidOn)}</TableCell>
                          <TableCell className="text-xs">{p.receiptNumber ? <ReceiptLink paymentId={p.id} receiptNumber={p.receiptNumber} /> : '—'}</TableCell>
                          <TableCell className="font-mono text-xs">{p.agreementCode}</TableCell>
                          <TableCell>{PAYMENT_CHANNEL_LABELS[p.channel]}</TableCell>
                          <TableCell className="text-right tabular-nums">{formatMoney(p.amount, p.currency)}</TableCell>
                          <TableCell>
                            <PaymentStatusBadge status={p.status} />
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              </>
            )}
          </SectionCard>

          <CompanyCard data={company} />
        </div>
      )}
    </>
  );
}
