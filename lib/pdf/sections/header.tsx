import { Image, Text, View } from '@react-pdf/renderer';
import { formatRnc } from '@/lib/domain/documents';
import { formatDate, formatPeriod } from '@/lib/domain/format';
import { docTitle, initials } from '../display';
import { MUTED, s } from '../styles';
import type { InvoicePdfData } from '../types';

/** The company's logo (or its initials) and fiscal data, at the top left of every document. */
export function CompanyBlock({ company: c, accent, logo }: { company: InvoicePdfData['company']; accent: string; logo: string | null }) {
  const title = c.tradeName || c.legalName;
  const contact = [c.phone ? `Tel. ${c.phone}` : null, c.email, c.website].filter(Boolean).join(' · ');
  return (
    <View style={{ flex: 1, flexDirection: 'row', paddingRight: 8 }}>
      {logo ? (
        // eslint-disable-next-line jsx-a11y/alt-text -- react-pdf's Image has no alt text
        <Image src={logo} style={{ width: 46, height: 46, objectFit: 'contain', marginRight: 8 }} />
      ) : (
        <View style={{ width: 46, height: 46, borderRadius: 23, backgroundColor: accent, marginRight: 8, alignItems: 'center', justifyContent: 'center' }}>
          <Text style={{ color: '#ffffff', fontSize: 16, fontWeight: 'bold' }}>{initials(title)}</Text>
        </View>
      )}
      <View style={{ flex: 1 }}>
        <Text style={{ fontSize: 12, fontWeight: 'bold', color: accent }}>{title}</Text>
        {c.tradeName ? <Text style={{ fontSize: 7.5 }}>{c.legalName}</Text> : null}
        <Text style={{ fontSize: 7.5 }}>RNC {formatRnc(c.taxId)}</Text>
        <Text style={{ fontSize: 7.5, color: MUTED }}>{c.fiscalAddress}</Text>
        {contact ? <Text style={{ fontSize: 7.5, color: MUTED }}>{contact}</Text> : null}
      </View>
    </View>
  );
}

/** Repeated on every page: company and logo, the class letter box, the document's number and dates. */
export function Header({ data, accent, logo }: { data: InvoicePdfData; accent: string; logo: string | null }) {
  const { company: c, document: d } = data;
  return (
    <View fixed style={{ marginBottom: 10 }}>
      <View style={{ flexDirection: 'row', alignItems: 'flex-start' }}>
        <CompanyBlock company={c} accent={accent} logo={logo} />
        <View style={{ width: 58, alignItems: 'center' }}>
          <View style={{ width: 44, height: 44, borderWidth: 2, borderColor: accent, borderRadius: 3, alignItems: 'center', justifyContent: 'center' }}>
            <Text style={{ fontSize: 26, fontWeight: 'bold', color: accent, lineHeight: 1 }}>{d.invoiceClass}</Text>
          </View>
          <Text style={{ fontSize: 6.5, color: MUTED, marginTop: 2 }}>CLASE</Text>
        </View>
        <View style={{ flex: 1, alignItems: 'flex-end', paddingLeft: 8 }}>
          <Text style={{ fontSize: 13, fontWeight: 'bold', color: accent }}>{docTitle(d.docType)}</Text>
          <Text style={{ fontSize: 11, fontWeight: 'bold', marginBottom: 3 }}>N.º {d.fiscalNumber}</Text>
          <KeyValue label="Fecha de emisión" value={d.issueDate ? formatDate(d.issueDate) : '—'} />
          <KeyValue label="Fecha de vencimiento" value={d.dueDate ? formatDate(d.dueDate) : '—'} />
          {d.period ? <KeyValue label="Período" value={formatPeriod(d.period)} /> : null}
          {d.relatedFiscalNumber ? <KeyValue label="Documento que corrige" value={d.relatedFiscalNumber} /> : null}
        </View>
      </View>
      <View style={{ borderBottomWidth: 1.5, borderBottomColor: accent, marginTop: 8 }} />
    </View>
  );
}

function KeyValue({ label, value }: { label: string; value: string }) {
  return (
    <Text style={s.right}>
      <Text style={{ color: MUTED }}>{label}: </Text>
      <Text style={{ fontWeight: 'bold' }}>{value}</Text>
    </Text>
  );
}
