import { StyleSheet } from '@react-pdf/renderer';
import { PDF_FONT_STACK } from './fonts';

export const INK = '#1f2933';
export const MUTED = '#5b6672';
export const RULE = '#cfd6de';
export const ZEBRA = '#f3f5f8';

/** Page margins in points (1/72 in); the footer lives in the bottom margin. */
export const MARGIN = { x: 36, top: 30, bottom: 62 };

export const s = StyleSheet.create({
  page: { fontFamily: PDF_FONT_STACK, fontSize: 8.5, color: INK, paddingTop: MARGIN.top, paddingBottom: MARGIN.bottom, paddingHorizontal: MARGIN.x },
  row: { flexDirection: 'row' },
  bold: { fontWeight: 'bold' },
  muted: { color: MUTED },
  label: { fontSize: 7, color: MUTED, textTransform: 'uppercase', letterSpacing: 0.4 },
  right: { textAlign: 'right' },
  box: { borderWidth: 0.75, borderColor: RULE, borderRadius: 3, padding: 7 },
});
