import { Text, View } from '@react-pdf/renderer';
import { LOCAL_CURRENCY } from '@/lib/domain/billing/invoice-class';
import { formatNumber } from '@/lib/domain/format';
import { currencyName, customerDocument, taxConditionLabel } from '../display';
import { s } from '../styles';
import type { InvoicePdfData } from '../types';

/** First page only: the customer as stored at issue, the addresses, and the agreement and currency. */
export function Parties({ data }: { data: InvoicePdfData }) {
  const { customer: c, document: d } = data;
  const doc = customerDocument(c.documentType, c.documentNumber);
  const condition = taxConditionLabel(c.taxCondition);
  const foreign = d.currency !== LOCAL_CURRENCY;
  return (
    <View style={{ marginBottom: 10 }}>
      <View style={{ flexDirection: 'row' }}>
        <View style={[s.box, { flex: 1.15, marginRight: 8 }]}>
          <Text style={s.label}>Cliente</Text>
          <Text style={{ fontSize: 10, fontWeight: 'bold', marginTop: 1 }}>{c.name}</Text>
          {doc ? <Text>{doc}</Text> : null}
          {condition ? <Text style={s.muted}>{condition}</Text> : null}
          {c.code ? <Text style={s.muted}>Código de cliente {c.code}</Text> : null}
        </View>
        <View style={[s.box, { flex: 1 }]}>
          <Text style={s.label}>Domicilio de facturación</Text>
          <Text style={{ marginTop: 1 }}>{data.billingAddress}</Text>
          {data.deliveryAddress && data.deliveryAddress !== data.billingAddress ? (
            <>
              <Text style={[s.label, { marginTop: 4 }]}>Domicilio de entrega</Text>
              <Text>{data.deliveryAddress}</Text>
            </>
          ) : null}
        </View>
      </View>
      <View style={[s.box, { flexDirection: 'row', marginTop: 6, paddingVertical: 5 }]}>
        <Fact label="Acuerdo" value={`${d.agreementCode} — ${d.agreementName}`} flex={2.2} />
        <Fact label="Sucursal" value={d.branchName} flex={1.4} />
        <Fact label="Moneda" value={`${d.currency} (${currencyName(d.currency)})`} flex={1.5} />
        {foreign ? <Fact label="Tipo de cambio" value={`1 ${d.currency} = ${formatNumber(d.exchangeRate, 4)} ${LOCAL_CURRENCY}`} flex={1.5} /> : null}
      </View>
    </View>
  );
}

function Fact({ label, value, flex }: { label: string; value: string; flex: number }) {
  return (
    <View style={{ flex, paddingRight: 6 }}>
      <Text style={s.label}>{label}</Text>
      <Text>{value}</Text>
    </View>
  );
}
