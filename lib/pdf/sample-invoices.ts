/**
 * Sample invoices for previews and the visual check (scripts/pdf-samples.ts): one per class, a
 * voided class A credit-noted invoice, and an agreement of 500 accounts grouped by account.
 * Plain data shaped like a stored invoice; the totals are the sums of the lines, as at issue.
 */
import { money, sumMoney, toMoneyString } from '@/lib/domain/money';
import type { InvoicePdfData, InvoicePdfLine } from './types';

const COMPANY: InvoicePdfData['company'] = {
  legalName: 'Instituto Nacional de Aguas Potables y Alcantarillados (demo)',
  tradeName: 'Aguas Nacionales',
  taxId: '401037559',
  fiscalAddress: 'Calle Guarocuya, esq. Calle 5, El Millón, Santo Domingo, D. N.',
  phone: '809-567-1241',
  email: 'facturacion@aguas.example',
  website: null,
};

type LineInput = { description: string; quantity: string | null; unitPrice: string | null; net: string; taxRate?: string };

function lines(input: LineInput[]): InvoicePdfLine[] {
  return input.map((l, i) => {
    const tax = toMoneyString(money(l.net).times(money(l.taxRate ?? '0')).dividedBy(100));
    return { lineNo: i + 1, description: l.description, quantity: l.quantity, unitPrice: l.unitPrice, net: l.net, tax, total: toMoneyString(money(l.net).plus(tax)) };
  });
}

// Twelve periods ending 2026-10 around `base` m³, e.g. history(20) → 2025-11 … 2026-10 between 14 and 27 m³.
function history(base: number): { period: string; m3: number }[] {
  const wave = [0, 3, 5, 2, -2, -5, -6, -3, 1, 4, 6, 2];
  return wave.map((w, i) => {
    const index = 2025 * 12 + 10 + i;
    return { period: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`, m3: Math.max(0, Math.round(base + (w * base) / 20)) };
  });
}

function invoice(over: { document: Partial<InvoicePdfData['document']>; customer: InvoicePdfData['customer']; lines: InvoicePdfLine[]; discount?: string; paid?: string; billingAddress?: string; deliveryAddress?: string | null; consumption?: InvoicePdfData['consumption'] }): InvoicePdfData {
  const net = sumMoney(over.lines.map((l) => l.net));
  const tax = sumMoney(over.lines.map((l) => l.tax));
  const total = sumMoney(over.lines.map((l) => l.total));
  const discount = money(over.discount ?? '0');
  return {
    company: COMPANY,
    document: {
      docType: 'INVOICE',
      invoiceClass: 'B',
      fiscalNumber: '00001-00000001',
      status: 'ISSUED',
      origin: 'AUTOMATIC',
      issueDate: '2026-11-02',
      dueDate: '2026-11-30',
      period: '2026-10',
      currency: 'DOP',
      exchangeRate: '1',
      notes: null,
      eAuthorizationCode: null,
      relatedFiscalNumber: null,
      agreementCode: 'AC-000123',
      agreementName: 'Suministro principal',
      branchName: 'Santo Domingo Centro',
      ...over.document,
    },
    customer: over.customer,
    billingAddress: over.billingAddress ?? 'Av. Winston Churchill 1099, Piantini, Santo Domingo, D. N.',
    deliveryAddress: over.deliveryAddress ?? null,
    lines: over.lines,
    totals: {
      gross: toMoneyString(net.plus(discount)),
      discount: toMoneyString(discount),
      net: toMoneyString(net),
      tax: toMoneyString(tax),
      total: toMoneyString(total),
      balance: toMoneyString(total.minus(money(over.paid ?? '0'))),
    },
    consumption: over.consumption ?? [],
  };
}

export const SAMPLE_CLASS_A = invoice({
  document: { invoiceClass: 'A', fiscalNumber: '00001-00004217', eAuthorizationCode: 'E310000004217-7Q2K9X' },
  customer: { name: 'Industrias Alimenticias del Cibao, S. R. L.', code: 'C-000042', documentType: 'RNC', documentNumber: '101010632', taxCondition: 'REGISTERED' },
  deliveryAddress: 'Parque Industrial Duarte, nave 14, Santiago de los Caballeros',
  discount: '125.00',
  lines: lines([
    { description: 'Cargo fijo — categoría Industrial', quantity: '1.000', unitPrice: '1250.0000', net: '1250.00' },
    { description: 'Consumo de agua potable 0–20 m³', quantity: '20.000', unitPrice: '38.5000', net: '770.00' },
    { description: 'Consumo de agua potable 21–40 m³', quantity: '20.000', unitPrice: '52.7500', net: '1055.00' },
    { description: 'Consumo de agua potable 41 m³ en adelante', quantity: '147.000', unitPrice: '71.1250', net: '10455.38' },
    { description: 'Alcantarillado sanitario (40 % del agua)', quantity: null, unitPrice: null, net: '5362.15' },
    { description: 'Reconexión del servicio por corte (orden n.º 5521)', quantity: '1.000', unitPrice: '850.0000', net: '850.00', taxRate: '18' },
    { description: 'Inspección técnica de acometida', quantity: '1.000', unitPrice: '1500.0000', net: '1375.00', taxRate: '18' },
  ]),
  paid: '5000.00',
  consumption: history(187),
});

export const SAMPLE_CLASS_B = invoice({
  document: { invoiceClass: 'B', fiscalNumber: '00002-00018833', agreementCode: 'AC-000871', agreementName: 'Residencia Peña Núñez', branchName: 'Santiago' },
  customer: { name: 'María José Peña Núñez', code: 'C-000871', documentType: 'CEDULA', documentNumber: '00113918205', taxCondition: 'FINAL_CONSUMER' },
  billingAddress: 'Calle Señora de la Altagracia n.º 27, Los Jardines Metropolitanos, Santiago',
  lines: lines([
    { description: 'Cargo fijo — categoría Residencial', quantity: '1.000', unitPrice: '175.0000', net: '175.00' },
    { description: 'Consumo de agua potable (lectura estimada)', quantity: '18.000', unitPrice: '24.5000', net: '441.00' },
    { description: 'Alcantarillado sanitario', quantity: null, unitPrice: null, net: '246.40' },
    { description: 'Cargo por mora', quantity: '1.000', unitPrice: '85.0000', net: '85.00', taxRate: '18' },
  ]),
  consumption: history(18),
});

export const SAMPLE_CLASS_E = invoice({
  document: { invoiceClass: 'E', fiscalNumber: '00001-00000093', currency: 'USD', exchangeRate: '58.912500', origin: 'MANUAL', period: null, agreementCode: 'AC-000505', agreementName: 'Zona franca — nave 3', branchName: 'San Pedro de Macorís' },
  customer: { name: 'Caribbean Textile Exports LLC', code: 'C-000505', documentType: 'FOREIGN_TAX_ID', documentNumber: '98-7654321', taxCondition: 'FOREIGN' },
  billingAddress: '1200 Brickell Ave., Suite 800, Miami, FL 33131, Estados Unidos',
  deliveryAddress: 'Zona Franca Industrial, nave 3, San Pedro de Macorís',
  lines: lines([
    { description: 'Suministro de agua industrial — octubre 2026', quantity: '3250.000', unitPrice: '1.1800', net: '3835.00' },
    { description: 'Tratamiento de aguas residuales', quantity: '3100.000', unitPrice: '0.7250', net: '2247.50' },
    { description: 'Derecho de conexión a la red (ampliación a 4")', quantity: '1.000', unitPrice: '2400.0000', net: '2400.00', taxRate: '18' },
  ]),
  consumption: history(3200),
});

/** A credit-noted class A invoice: prints ANULADA across every page. */
export const SAMPLE_VOIDED = { ...SAMPLE_CLASS_A, document: { ...SAMPLE_CLASS_A.document, fiscalNumber: '00001-00004188', status: 'VOIDED' as const }, totals: { ...SAMPLE_CLASS_A.totals, balance: '0.00' } };

/** An agreement of `count` accounts billed by account: one printed line per account. */
export function sampleLongInvoice(count = 500): InvoicePdfData {
  const accountLines: LineInput[] = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const m3 = 12 + ((n * 37) % 90);
    return { description: `Cuenta ${String(100000 + n)} — Local ${n}, Plaza Las Américas, nivel ${1 + (n % 4)}`, quantity: null, unitPrice: null, net: toMoneyString(money(175).plus(money(m3).times('31.25'))) };
  });
  return invoice({
    document: { invoiceClass: 'A', fiscalNumber: '00003-00000777', agreementCode: 'AC-000300', agreementName: 'Plaza Las Américas — todas las cuentas', branchName: 'Santo Domingo Este' },
    customer: { name: 'Inmobiliaria Plaza Las Américas, S. A.', code: 'C-000300', documentType: 'RNC', documentNumber: '130456789', taxCondition: 'REGISTERED' },
    lines: lines(accountLines),
    consumption: history(25_000),
  });
}
