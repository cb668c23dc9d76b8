import { Document, Page, renderToBuffer, Text, View, type DocumentProps } from '@react-pdf/renderer';
import { createElement, type ReactElement } from 'react';
import { formatDocument, type DocumentType } from '@/lib/domain/documents';
import { formatDate, formatDateTime, formatPeriod } from '@/lib/domain/format';
import { amountInWords } from '@/lib/domain/pdf/amount-in-words';
import { printAmount } from './display';
import { registerPdfFonts } from './fonts';
import { CompanyBlock } from './sections/header';
import { Watermark } from './sections/page-frame';
import { MUTED, RULE, s, ZEBRA } from './styles';

const ACCENT = '#0e5a8a';

/** Everything a payment receipt prints, as stored with the payment (nothing is recomputed). */
export type ReceiptPdfData = {
  company: { legalName: string; tradeName: string | null; taxId: string; fiscalAddress: string; phone: string | null; email: string | null; website: string | null };
  receiptNumber: string;
  status: 'PENDING' | 'CONFIRMED' | 'REJECTED' | 'REVERSED';
  paidOn: string;
  createdAt: Date;
  amount: string;
  applied: string;
  unapplied: string;
  currency: string;
  methodLabel: string;
  entityName: string | null;
  reference: string | null;
  branchName: string;
  cashierName: string | null;
  customer: { name: string; documentType: DocumentType | null; documentNumber: string | null; code: string | null };
  agreement: { code: string; name: string };
  allocations: { fiscalNumber: string | null; period: string | null; dueDate: string | null; amount: string }[];
  reversalReason: string | null;
};

/** A one-page payment receipt: company, "RECIBO DE PAGO" and number, payer, amount in figures and words, invoices paid, credit left; ANULADO across it when reversed. */
export function ReceiptDocument({ data: d }: { data: ReceiptPdfData }) {
  const c = d.company;
  const amount = (v: string) => `${d.currency} ${printAmount(v)}`;
  const reversed = d.status === 'REVERSED';
  return (
    <Document title={`Recibo ${d.receiptNumber}`} author={c.legalName} language="es">
      <Page size="LETTER" style={s.page}>
        {reversed ? <Watermark text="ANULADO" color="#b91c1c" /> : null}
        <View style={{ flexDirection: 'row', alignItems: 'flex-start' }}>
          <CompanyBlock company={c} accent={ACCENT} logo={null} />
          <View style={{ alignItems: 'flex-end' }}>
            <Text style={{ fontSize: 14, fontWeight: 'bold', color: ACCENT }}>RECIBO DE PAGO</Text>
            <Text style={{ fontSize: 11, fontWeight: 'bold', marginBottom: 3 }}>N.º {d.receiptNumber}</Text>
            <Text style={s.right}>
              <Text style={s.muted}>Fecha del pago: </Text>
              <Text style={s.bold}>{formatDate(d.paidOn)}</Text>
            </Text>
            <Text style={s.right}>
              <Text style={s.muted}>Sucursal: </Text>
              <Text style={s.bold}>{d.branchName}</Text>
            </Text>
          </View>
        </View>
        <View style={{ borderBottomWidth: 1.5, borderBottomColor: ACCENT, marginTop: 8, marginBottom: 10 }} />

        <View style={[s.box, { marginBottom: 10 }]}>
          <Text style={s.label}>Recibimos de</Text>
          <Text style={{ fontSize: 10, fontWeight: 'bold', marginTop: 2 }}>{d.customer.name}</Text>
          {d.customer.documentType && d.customer.documentNumber ? <Text>{formatDocument(d.customer.documentType, d.customer.documentNumber)}</Text> : null}
          <Text>
            Acuerdo {d.agreement.code} — {d.agreement.name}
          </Text>
        </View>

        <View style={[s.box, { marginBottom: 10, backgroundColor: ZEBRA }]}>
          <View style={{ flexDirection: 'row', alignItems: 'flex-end' }}>
            <Text style={[s.label, { flex: 1 }]}>La suma de</Text>
            <Text style={{ fontSize: 14, fontWeight: 'bold' }}>{amount(d.amount)}</Text>
          </View>
          <Text style={{ marginTop: 3, fontWeight: 'bold' }}>{amountInWords(d.amount, d.currency)}</Text>
        </View>

        <View style={{ flexDirection: 'row', marginBottom: 10 }}>
          <Field label="Medio de pago" value={d.methodLabel} />
          <Field label="Entidad" value={d.entityName ?? '—'} />
          <Field label="Referencia" value={d.reference ?? '—'} />
        </View>

        <Text style={[s.label, { marginBottom: 3 }]}>Facturas pagadas</Text>
        <View style={{ borderTopWidth: 0.75, borderTopColor: RULE }}>
          <View style={{ flexDirection: 'row', paddingVertical: 3, borderBottomWidth: 0.75, borderBottomColor: RULE }}>
            <Text style={[s.bold, { flex: 2 }]}>Factura</Text>
            <Text style={[s.bold, { flex: 1.5 }]}>Período</Text>
            <Text style={[s.bold, { flex: 1.5 }]}>Vencimiento</Text>
            <Text style={[s.bold, s.right, { flex: 1.5 }]}>Importe</Text>
          </View>
          {d.allocations.length ? (
            d.allocations.map((a, i) => (
              <View key={i} style={{ flexDirection: 'row', paddingVertical: 3, borderBottomWidth: 0.5, borderBottomColor: RULE, backgroundColor: i % 2 ? ZEBRA : undefined }}>
                <Text style={{ flex: 2 }}>{a.fiscalNumber ?? '—'}</Text>
                <Text style={{ flex: 1.5 }}>{a.period ? formatPeriod(a.period) : '—'}</Text>
                <Text style={{ flex: 1.5 }}>{a.dueDate ? formatDate(a.dueDate) : '—'}</Text>
                <Text style={[s.right, { flex: 1.5 }]}>{amount(a.amount)}</Text>
              </View>
            ))
          ) : (
            <Text style={[s.muted, { paddingVertical: 3 }]}>Ninguna: el pago queda entero como saldo a favor.</Text>
          )}
        </View>
        <View style={{ alignSelf: 'flex-end', width: 220, marginTop: 6 }}>
          <Total label="Aplicado a facturas" value={amount(d.applied)} />
          <Total label="Saldo a favor" value={amount(d.unapplied)} />
          <Total label="Total recibido" value={amount(d.amount)} strong />
        </View>

        {reversed ? (
          <View style={[s.box, { marginTop: 12, borderColor: '#b91c1c' }]}>
            <Text style={{ fontWeight: 'bold', color: '#b91c1c' }}>PAGO REVERTIDO: este recibo no tiene validez.</Text>
            {d.reversalReason ? <Text>Motivo: {d.reversalReason}</Text> : null}
          </View>
        ) : null}

        <View style={{ flexDirection: 'row', marginTop: 40 }}>
          <View style={{ flex: 1 }}>
            <Text style={s.muted}>Registrado el {formatDateTime(d.createdAt)}</Text>
            {d.cashierName ? <Text style={s.muted}>Por {d.cashierName}</Text> : null}
          </View>
          <View style={{ width: 180, borderTopWidth: 0.75, borderTopColor: MUTED, alignItems: 'center', paddingTop: 3 }}>
            <Text style={s.muted}>Firma y sello</Text>
          </View>
        </View>
      </Page>
    </Document>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <View style={{ flex: 1, paddingRight: 8 }}>
      <Text style={s.label}>{label}</Text>
      <Text>{value}</Text>
    </View>
  );
}

function Total({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <View style={{ flexDirection: 'row', paddingVertical: 2, borderTopWidth: strong ? 0.75 : 0, borderTopColor: RULE }}>
      <Text style={[{ flex: 1 }, strong ? s.bold : s.muted]}>{label}</Text>
      <Text style={strong ? [s.bold, { fontSize: 10 }] : {}}>{value}</Text>
    </View>
  );
}

/** The receipt's PDF bytes (server only: route handlers, jobs, scripts). */
export async function renderReceiptPdf(data: ReceiptPdfData): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(createElement(ReceiptDocument, { data }) as unknown as ReactElement<DocumentProps>);
}
