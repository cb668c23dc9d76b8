import { Text, View } from '@react-pdf/renderer';
import { taxIncluded } from '@/lib/domain/billing/invoice-class';
import { money } from '@/lib/domain/money';
import { currencyName, printAmount, printQuantity, printUnitPrice } from '../display';
import { MUTED, RULE, ZEBRA } from '../styles';
import type { PrintColumn } from '@/lib/domain/pdf/print-format';
import type { InvoicePdfData, InvoicePdfLine } from '../types';

type Column = { title: string; width?: number; value: (l: InvoicePdfLine) => string };

/**
 * The printable items as stored. Class B prints one amount per line with the tax included;
 * A and E print net, tax and total. On class B a unit price shows only on lines without tax,
 * so that quantity × price matches the printed amount. The header row repeats on every page.
 * The format's column set picks the optional columns; class B always prints its one amount
 * (tax included), whatever amount columns the set names.
 */
function columns(data: InvoicePdfData, set: readonly PrintColumn[]): Column[] {
  const description: Column = { title: 'Descripción', value: (l) => l.description };
  const has = (c: PrintColumn) => set.includes(c);
  // Lines grouped by account or concept group carry no quantity or price: no empty columns then.
  const quantities = has('quantity') && data.lines.some((l) => l.quantity !== null);
  const prices = has('unitPrice') && data.lines.some((l) => l.unitPrice !== null);
  const keep = (c: Column | false): c is Column => c !== false;
  if (taxIncluded(data.document.invoiceClass)) {
    return [
      description,
      quantities && { title: 'Cantidad', width: 58, value: (l: InvoicePdfLine) => printQuantity(l.quantity) },
      prices && { title: 'Precio unitario', width: 76, value: (l: InvoicePdfLine) => (money(l.tax).isZero() ? printUnitPrice(l.unitPrice) : '') },
      { title: 'Importe', width: 92, value: (l: InvoicePdfLine) => printAmount(l.total) },
    ].filter(keep);
  }
  return [
    description,
    quantities && { title: 'Cantidad', width: 48, value: (l: InvoicePdfLine) => printQuantity(l.quantity) },
    prices && { title: 'Precio unit.', width: 62, value: (l: InvoicePdfLine) => printUnitPrice(l.unitPrice) },
    has('net') && { title: 'Neto', width: 76, value: (l: InvoicePdfLine) => printAmount(l.net) },
    has('tax') && { title: 'ITBIS', width: 64, value: (l: InvoicePdfLine) => printAmount(l.tax) },
    has('total') && { title: 'Total', width: 80, value: (l: InvoicePdfLine) => printAmount(l.total) },
  ].filter(keep);
}

const cell = (c: Column) => (c.width ? { width: c.width, textAlign: 'right' as const, paddingLeft: 4 } : { flex: 1, paddingRight: 4 });

export function LinesTable({ data, accent, set }: { data: InvoicePdfData; accent: string; set: readonly PrintColumn[] }) {
  const cols = columns(data, set);
  const last = cols.length - 1;
  return (
    <View>
      <Text style={{ fontSize: 7, color: MUTED, marginBottom: 2 }}>
        Detalle de la facturación — importes en {currencyName(data.document.currency)} ({data.document.currency}){taxIncluded(data.document.invoiceClass) ? ', ITBIS incluido' : ''}
      </Text>
      <View fixed style={{ flexDirection: 'row', backgroundColor: accent, color: '#ffffff', paddingVertical: 3.5, paddingHorizontal: 4, fontWeight: 'bold', fontSize: 7.5 }}>
        {cols.map((c) => (
          <Text key={c.title} style={cell(c)}>
            {c.title}
          </Text>
        ))}
      </View>
      {data.lines.map((l, i) => (
        <View key={l.lineNo} wrap={false} style={{ flexDirection: 'row', paddingVertical: 2.5, paddingHorizontal: 4, backgroundColor: i % 2 ? ZEBRA : undefined, borderBottomWidth: 0.5, borderBottomColor: RULE }}>
          {cols.map((c, j) => (
            <Text key={c.title} style={[cell(c), j === last ? { fontWeight: 'bold' } : {}]}>
              {c.value(l)}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
