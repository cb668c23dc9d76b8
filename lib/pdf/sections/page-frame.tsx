import { Text, View } from '@react-pdf/renderer';
import { MARGIN, MUTED, RULE } from '../styles';

/** The foot of every page: the format's legal text and "Página X de Y". */
export function Footer({ legal, fiscalNumber }: { legal: string; fiscalNumber: string }) {
  return (
    <View fixed style={{ position: 'absolute', left: MARGIN.x, right: MARGIN.x, bottom: 22, borderTopWidth: 0.75, borderTopColor: RULE, paddingTop: 4, flexDirection: 'row', fontSize: 6.5, color: MUTED }}>
      <Text style={{ flex: 1, paddingRight: 12 }}>{legal}</Text>
      <View style={{ width: 110, alignItems: 'flex-end' }}>
        <Text>N.º {fiscalNumber}</Text>
        <Text style={{ fontSize: 7.5, fontWeight: 'bold', color: '#1f2933' }} render={({ pageNumber, totalPages }) => `Página ${pageNumber} de ${totalPages}`} />
      </View>
    </View>
  );
}

/** A large diagonal word across every page, e.g. ANULADA for a voided invoice. */
export function Watermark({ text, color }: { text: string; color: string }) {
  return (
    // Wider than the page so the word never wraps; rotated about the page's centre.
    <View fixed style={{ position: 'absolute', top: 0, bottom: 0, left: -200, right: -200, alignItems: 'center', justifyContent: 'center' }}>
      <Text style={{ fontSize: 96, fontWeight: 'bold', color, opacity: 0.14, transform: 'rotate(-40deg)', letterSpacing: 4 }}>{text}</Text>
    </View>
  );
}
