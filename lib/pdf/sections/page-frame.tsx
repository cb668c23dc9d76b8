import { Text, View } from '@react-pdf/renderer';
import { MARGIN, MUTED, RULE } from '../styles';

const PAGE_NUMBER = { fontSize: 7.5, fontWeight: 'bold', color: '#1f2933' } as const;

/**
 * The foot of every page: the format's legal text and "Página X de Y". `onePage` prints "Página 1 de
 * 1" as plain text: a page-number render prop makes react-pdf lay the page out twice more.
 */
export function Footer({ legal, fiscalNumber, onePage = false }: { legal: string; fiscalNumber: string; onePage?: boolean }) {
  return (
    <View fixed style={{ position: 'absolute', left: MARGIN.x, right: MARGIN.x, bottom: 22, borderTopWidth: 0.75, borderTopColor: RULE, paddingTop: 4, flexDirection: 'row', fontSize: 6.5, color: MUTED }}>
      <Text style={{ flex: 1, paddingRight: 12 }}>{legal}</Text>
      <View style={{ width: 110, alignItems: 'flex-end' }}>
        <Text>N.º {fiscalNumber}</Text>
        {onePage ? (
          <Text style={PAGE_NUMBER}>Página 1 de 1</Text>
        ) : (
          <Text style={PAGE_NUMBER} render={({ pageNumber, totalPages }) => `Página ${pageNumber} de ${totalPages}`} />
        )}
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
