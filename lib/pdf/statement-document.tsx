import { Document, Page, renderToBuffer, Text, View, type DocumentProps } from '@react-pdf/renderer';
import { createElement, type ReactElement } from 'react';
import { formatRnc } from '@/lib/domain/documents';
import { formatDate, formatMoney } from '@/lib/domain/format';
import { BUILT_IN_PRINT_FORMAT } from '@/lib/domain/pdf/print-format';
import { STATEMENT_ENTRY_LABELS, type Statement } from '@/lib/domain/pdf/statement';
import { currencyName, customerDocument, initials, printAmount } from './display';
import { registerPdfFonts } from './fonts';
import { MARGIN, MUTED, RULE, s, ZEBRA } from './styles';
import type { InvoicePdfData } from './types';

/** Everything a statement of account prints, as plain data (lib/dal/statements.ts builds it). */
export interface StatementPdfData {
  company: InvoicePdfData['company'];
  agreement: { code: string; name: string; branchName: string; currency: string; billingAddress: string };
  customer: { name: string; code: string | null; documentType: string | null; documentNumber: string | null };
  from: string;
  to: string;
  /** When it was produced, 'YYYY-MM-DD' (Santo Domingo). */
  issuedOn: string;
  statement: Statement;
}

const COLS = { date: 62, type: 88, number: 96, amount: 82 };
const accent = BUILT_IN_PRINT_FORMAT.accentColor;

function Cell({ width, right, bold, children }: { width?: number; right?: boolean; bold?: boolean; children: React.ReactNode }) {
  return <Text style={[width ? { width } : { flex: 1 }, right ? s.right : {}, bold ? s.bold : {}, { paddingHorizontal: 3 }]}>{children}</Text>;
}

/**
 * Statement of account of one agreement for a date range: the balance brought forward, every
 * document issued and payment received in the range with its running balance, and the closing balance. Display only:
 * the arithmetic is lib/domain/pdf/statement.ts.
 */
export function StatementDocument({ data }: { data: StatementPdfData }) {
  const { company: c, agreement: a, statement: st } = data;
  const title = c.tradeName || c.legalName;
  const money = (v: string) => formatMoney(v, a.currency);
  const doc = customerDocument(data.customer.documentType, data.customer.documentNumber);
  return (
    <Document title={`Estado de cuenta ${a.code}`} author={c.legalName} subject={data.customer.name} creator="Cauce" producer="Cauce" language="es-DO">
      <Page size="LETTER" style={s.page}>
        <View fixed style={{ marginBottom: 10 }}>
          <View style={{ flexDirection: 'row', alignItems: 'flex-start' }}>
            <View style={{ width: 40, height: 40, borderRadius: 20, backgroundColor: accent, marginRight: 8, alignItems: 'center', justifyContent: 'center' }}>
              <Text style={{ color: '#ffffff', fontSize: 14, fontWeight: 'bold' }}>{initials(title)}</Text>
            </View>
            <View style={{ flex: 1 }}>
              <Text style={{ fontSize: 12, fontWeight: 'bold', color: accent }}>{title}</Text>
              <Text style={{ fontSize: 7.5 }}>RNC {formatRnc(c.taxId)}</Text>
              <Text style={{ fontSize: 7.5, color: MUTED }}>{c.fiscalAddress}</Text>
            </View>
            <View style={{ alignItems: 'flex-end' }}>
              <Text style={{ fontSize: 13, fontWeight: 'bold', color: accent }}>ESTADO DE CUENTA</Text>
              <Text style={{ fontWeight: 'bold' }}>
                Del {formatDate(data.from)} al {formatDate(data.to)}
              </Text>
              <Text style={s.muted}>Emitido el {formatDate(data.issuedOn)}</Text>
            </View>
          </View>
          <View style={{ borderBottomWidth: 1.5, borderBottomColor: accent, marginTop: 8 }} />
        </View>

        <View style={[s.row, { marginBottom: 10 }]}>
          <View style={[s.box, { flex: 1, marginRight: 8 }]}>
            <Text style={s.label}>Cliente</Text>
            <Text style={s.bold}>{data.customer.name}</Text>
            {data.customer.code ? <Text style={s.muted}>Código {data.customer.code}</Text> : null}
            {doc ? <Text>{doc}</Text> : null}
            <Text style={s.muted}>{a.billingAddress}</Text>
          </View>
          <View style={[s.box, { flex: 1 }]}>
            <Text style={s.label}>Acuerdo</Text>
            <Text style={s.bold}>
              {a.code} — {a.name}
            </Text>
            <Text>Sucursal {a.branchName}</Text>
            <Text style={s.muted}>Importes en {currencyName(a.currency)}</Text>
          </View>
        </View>

        <View style={[s.row, { marginBottom: 10 }]}>
          {[
            { label: 'Saldo anterior', value: st.opening },
            { label: 'Cargos del período', value: st.charges },
            { label: 'Pagos y créditos', value: st.credits },
            { label: 'Saldo al cierre', value: st.closing, strong: true },
          ].map((k, i) => (
            <View key={k.label} style={[s.box, { flex: 1, marginLeft: i ? 6 : 0 }, k.strong ? { borderColor: accent, borderWidth: 1.25 } : {}]}>
              <Text style={s.label}>{k.label}</Text>
              <Text style={{ fontSize: 11, fontWeight: 'bold', color: k.strong ? accent : undefined }}>{money(k.value)}</Text>
            </View>
          ))}
        </View>

        <View fixed style={[s.row, { backgroundColor: accent, color: '#ffffff', paddingVertical: 3, fontWeight: 'bold', fontSize: 7.5 }]}>
          <Cell width={COLS.date}>Fecha</Cell>
          <Cell width={COLS.type}>Documento</Cell>
          <Cell width={COLS.number}>Número</Cell>
          <Cell right>Cargos</Cell>
          <Cell width={COLS.amount} right>
            Abonos
          </Cell>
          <Cell width={COLS.amount} right>
            Saldo
          </Cell>
        </View>
        <View wrap={false} style={[s.row, { paddingVertical: 3, borderBottomWidth: 0.5, borderBottomColor: RULE }]}>
          <Cell width={COLS.date}>{formatDate(data.from)}</Cell>
          <Cell width={COLS.type + COLS.number}>Saldo anterior</Cell>
          <Cell right> </Cell>
          <Cell width={COLS.amount} right>
            {' '}
          </Cell>
          <Cell width={COLS.amount} right bold>
            {printAmount(st.opening)}
          </Cell>
        </View>
        {st.rows.map((r, i) => (
          <View key={`${r.docType}-${r.fiscalNumber}`} wrap={false} style={[s.row, { paddingVertical: 3, borderBottomWidth: 0.5, borderBottomColor: RULE }, i % 2 ? {} : { backgroundColor: ZEBRA }]}>
            <Cell width={COLS.date}>{formatDate(r.date)}</Cell>
            <Cell width={COLS.type}>{STATEMENT_ENTRY_LABELS[r.docType]}</Cell>
            <Cell width={COLS.number}>{r.fiscalNumber}</Cell>
            <Cell right>{r.charge ? printAmount(r.charge) : ''}</Cell>
            <Cell width={COLS.amount} right>
              {r.credit ? printAmount(r.credit) : ''}
            </Cell>
            <Cell width={COLS.amount} right>
              {printAmount(r.balance)}
            </Cell>
          </View>
        ))}
        {st.rows.length === 0 ? <Text style={[s.muted, { paddingVertical: 6, paddingHorizontal: 3 }]}>Sin documentos ni pagos en el período.</Text> : null}
        <View wrap={false} style={[s.row, { paddingVertical: 4, borderTopWidth: 1, borderTopColor: accent, marginTop: 2 }]}>
          <Cell width={COLS.date + COLS.type + COLS.number} bold>
            Saldo al {formatDate(data.to)}
          </Cell>
          <Cell right bold>
            {printAmount(st.charges)}
          </Cell>
          <Cell width={COLS.amount} right bold>
            {printAmount(st.credits)}
          </Cell>
          <Cell width={COLS.amount} right bold>
            {printAmount(st.closing)}
          </Cell>
        </View>

        <View fixed style={{ position: 'absolute', left: MARGIN.x, right: MARGIN.x, bottom: 22, borderTopWidth: 0.75, borderTopColor: RULE, paddingTop: 4, flexDirection: 'row', fontSize: 6.5, color: MUTED }}>
          <Text style={{ flex: 1, paddingRight: 12 }}>
            Un saldo negativo está a favor del cliente. No incluye documentos anulados ni pagos revertidos.
          </Text>
          <Text style={{ fontSize: 7.5, fontWeight: 'bold', color: '#1f2933' }} render={({ pageNumber, totalPages }) => `Página ${pageNumber} de ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}

/** The statement's PDF bytes (server only). */
export async function renderStatementPdf(data: StatementPdfData): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(createElement(StatementDocument, { data }) as unknown as ReactElement<DocumentProps>);
}
