import { Path, Rect, Svg, Line as SvgLine, Text, View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/stylesheet';
import type { VectorMark } from '@/lib/domain/pdf/vector-marks';
import { chartScaleMax, type ConsumptionBar } from '@/lib/domain/pdf/consumption-chart';
import { barcodeReference } from '@/lib/domain/pdf/payment-reference';
import { formatMoney, formatNumber } from '@/lib/domain/format';
import { MUTED, RULE, s } from '../styles';
import type { InvoicePdfData, InvoicePdfImages } from '../types';

const CHART = { width: 280, height: 64 };

/**
 * After the totals, kept together: the consumption history bars (when the format shows them and
 * the accounts have readings) and the payment box with the QR and the barcode of the reference.
 */
export function PaymentBlocks({ data, accent, bars, images }: { data: InvoicePdfData; accent: string; bars: ConsumptionBar[] | null; images: InvoicePdfImages }) {
  const pay = images.qr || images.barcode;
  if (!bars && !pay) return null;
  return (
    <View wrap={false} style={{ flexDirection: 'row', marginTop: 10 }}>
      <View style={{ flex: 1, paddingRight: 12 }}>{bars ? <ConsumptionChart bars={bars} accent={accent} /> : null}</View>
      <View style={{ width: 210 }}>{pay ? <PaymentBox data={data} images={images} /> : null}</View>
    </View>
  );
}

function ConsumptionChart({ bars, accent }: { bars: ConsumptionBar[]; accent: string }) {
  const top = chartScaleMax(Math.max(...bars.map((b) => b.m3)));
  const slot = CHART.width / bars.length;
  const barWidth = Math.min(16, slot * 0.62);
  const last = bars.length - 1;
  return (
    <View style={s.box}>
      <View style={{ flexDirection: 'row', marginBottom: 4 }}>
        <Text style={[s.label, { flex: 1 }]}>Historial de consumo (m³)</Text>
        <Text style={{ fontSize: 6.5, color: MUTED }}>escala 0–{formatNumber(String(top))} m³</Text>
      </View>
      <Svg width={CHART.width} height={CHART.height} viewBox={`0 0 ${CHART.width} ${CHART.height}`}>
        <SvgLine x1={0} y1={CHART.height - 0.5} x2={CHART.width} y2={CHART.height - 0.5} stroke={RULE} strokeWidth={1} />
        <SvgLine x1={0} y1={0.5} x2={CHART.width} y2={0.5} stroke={RULE} strokeWidth={0.5} strokeDasharray="2,2" />
        {bars.map((b, i) => {
          const h = b.m3 > 0 ? Math.max(1, (b.m3 / top) * (CHART.height - 2)) : 0;
          return <Rect key={b.period} x={i * slot + (slot - barWidth) / 2} y={CHART.height - 1 - h} width={barWidth} height={h} fill={accent} opacity={i === last ? 1 : 0.55} />;
        })}
      </Svg>
      {/* Labels in rows (value, month, and the year only where it prints): no view per bar. */}
      <View style={{ flexDirection: 'row', width: CHART.width, marginTop: 2 }}>
        {bars.map((b, i) => (
          <Text key={b.period} style={{ width: slot, textAlign: 'center', fontSize: 6, fontWeight: i === last ? 'bold' : 'normal' }}>
            {formatNumber(String(b.m3))}
          </Text>
        ))}
      </View>
      <View style={{ flexDirection: 'row', width: CHART.width }}>
        {bars.map((b) => (
          <Text key={b.period} style={{ width: slot, textAlign: 'center', fontSize: 6, color: MUTED }}>
            {b.month}
          </Text>
        ))}
      </View>
      <View style={{ width: CHART.width, height: 7 }}>
        {bars.map((b, i) =>
          b.year ? (
            <Text key={b.period} style={{ position: 'absolute', left: i * slot, width: slot, textAlign: 'center', fontSize: 5.5, color: MUTED }}>
              {b.year}
            </Text>
          ) : null,
        )}
      </View>
    </View>
  );
}

function PaymentBox({ data, images }: { data: InvoicePdfData; images: InvoicePdfImages }) {
  const d = data.document;
  return (
    <View style={s.box}>
      <Text style={s.label}>Pago</Text>
      <View style={{ flexDirection: 'row', marginTop: 3 }}>
        {images.qr ? <Mark mark={images.qr} style={{ marginRight: 8 }} /> : null}
        <View style={{ flex: 1 }}>
          <Text style={{ fontSize: 6.5, color: MUTED }}>Referencia de pago</Text>
          <Text style={{ fontWeight: 'bold', letterSpacing: 0.5 }}>{barcodeReference(d.fiscalNumber)}</Text>
          <Text style={{ fontSize: 6.5, color: MUTED, marginTop: 3 }}>Saldo a pagar</Text>
          <Text style={{ fontWeight: 'bold' }}>{formatMoney(data.totals.balance, d.currency)}</Text>
          {images.qr ? <Text style={{ fontSize: 6, color: MUTED, marginTop: 3 }}>Escanee el código QR para pagar en línea o en su banco.</Text> : null}
        </View>
      </View>
      {images.barcode ? <Mark mark={images.barcode} style={{ marginTop: 5 }} /> : null}
    </View>
  );
}

/** A QR or barcode drawn as one black path. */
function Mark({ mark, style }: { mark: VectorMark; style?: Style }) {
  return (
    <Svg width={mark.width} height={mark.height} viewBox={`0 0 ${mark.width} ${mark.height}`} style={style}>
      <Path d={mark.path} fill="#000000" />
    </Svg>
  );
}
