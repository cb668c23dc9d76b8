import { Text, View } from '@react-pdf/renderer';
import { LOCAL_CURRENCY, taxIncluded } from '@/lib/domain/billing/invoice-class';
import { formatMoney, formatNumber } from '@/lib/domain/format';
import { money } from '@/lib/domain/money';
import { amountInWords } from '@/lib/domain/pdf/amount-in-words';
import { MUTED, s } from '../styles';
import type { InvoicePdfData } from '../types';

/**
 * After the last line, kept on one page: the total in words, the exchange rate of a foreign-currency
 * invoice, the e-invoice authorization and the notes on the left; the stored totals on the right.
 * Class A and E show the tax as its own line; class B says it is included in the total.
 */
export function Summary({ data, accent, showNotes }: { data: InvoicePdfData; accent: string; showNotes: boolean }) {
  const { document: d, totals: t } = data;
  const m = (v: string) => formatMoney(v, d.currency);
  const included = taxIncluded(d.invoiceClass);
  const hasDiscount = !money(t.discount).isZero();
  return (
    <View wrap={false} style={{ flexDirection: 'row', marginTop: 10 }}>
      <View style={{ flex: 1, paddingRight: 12 }}>
        <View style={s.box}>
          <Text style={s.label}>Son</Text>
          <Text style={{ fontWeight: 'bold', marginTop: 1 }}>{amountInWords(t.total, d.currency)}</Text>
        </View>
        {d.currency !== LOCAL_CURRENCY ? (
          <Text style={{ marginTop: 5 }}>
            Importes en {d.currency}. Tipo de cambio aplicado: 1 {d.currency} = {formatNumber(d.exchangeRate, 4)} {LOCAL_CURRENCY}.
          </Text>
        ) : null}
        {d.eAuthorizationCode ? (
          <Text style={{ marginTop: 5 }}>
            <Text style={s.muted}>Código de autorización e-CF: </Text>
            <Text style={s.bold}>{d.eAuthorizationCode}</Text>
          </Text>
        ) : null}
        {showNotes && d.notes ? (
          <View style={{ marginTop: 5 }}>
            <Text style={s.label}>Observaciones</Text>
            <Text>{d.notes}</Text>
          </View>
        ) : null}
      </View>
      <View style={{ width: 210 }}>
        {included ? (
          hasDiscount ? <Line label="Descuentos aplicados" value={m(t.discount)} /> : null
        ) : (
          <>
            <Line label="Subtotal" value={m(t.gross)} />
            <Line label="Descuento" value={hasDiscount ? `-${m(t.discount)}` : m(t.discount)} />
            <Line label="Subtotal neto" value={m(t.net)} />
            <Line label="ITBIS" value={m(t.tax)} />
          </>
        )}
        <View style={{ flexDirection: 'row', backgroundColor: accent, color: '#ffffff', paddingVertical: 4, paddingHorizontal: 6, marginTop: 3, fontWeight: 'bold', fontSize: 10 }}>
          <Text style={{ flex: 1 }}>{included ? 'Total (ITBIS incluido)' : 'Total'}</Text>
          <Text>{m(t.total)}</Text>
        </View>
        {included ? <Text style={{ fontSize: 7.5, color: MUTED, marginTop: 2, textAlign: 'right' }}>ITBIS incluido en el total: {m(t.tax)}</Text> : null}
        <View style={{ flexDirection: 'row', borderWidth: 1, borderColor: accent, paddingVertical: 3, paddingHorizontal: 6, marginTop: 4, fontWeight: 'bold' }}>
          <Text style={{ flex: 1 }}>Saldo pendiente</Text>
          <Text>{m(t.balance)}</Text>
        </View>
      </View>
    </View>
  );
}

function Line({ label, value }: { label: string; value: string }) {
  return (
    <View style={{ flexDirection: 'row', paddingHorizontal: 6, paddingVertical: 1.5 }}>
      <Text style={{ flex: 1, color: MUTED }}>{label}</Text>
      <Text>{value}</Text>
    </View>
  );
}
