import { logoDataUri } from '@/lib/domain/pdf/logo';
import { PRINT_COLUMNS, type PrintColumn, type PrintFormat } from '@/lib/domain/pdf/print-format';

/** A print_formats row (logo bytes included) as the renderer's PrintFormat. */
export function toPrintFormat(row: {
  code: string;
  name: string;
  paperSize: 'LETTER' | 'A4';
  accentColor: string;
  logo: Uint8Array | null;
  logoMime: string | null;
  legalFooter: string;
  showNotes: boolean;
  showConsumptionChart: boolean;
  chartPeriods: number;
  showPaymentQr: boolean;
  showBarcode: boolean;
  columns: readonly string[];
}): PrintFormat {
  return {
    code: row.code,
    name: row.name,
    paperSize: row.paperSize,
    accentColor: row.accentColor,
    logo: row.logo && row.logoMime ? logoDataUri(row.logoMime, row.logo) : null,
    legalFooter: row.legalFooter,
    showNotes: row.showNotes,
    showConsumptionChart: row.showConsumptionChart,
    chartPeriods: row.chartPeriods,
    showPaymentQr: row.showPaymentQr,
    showBarcode: row.showBarcode,
    // Stored sets were validated on save; anything else in the JSON is ignored.
    columns: PRINT_COLUMNS.filter((c) => row.columns.includes(c)) as PrintColumn[],
  };
}
