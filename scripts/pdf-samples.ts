/**
 * Writes sample invoice PDFs (classes A, B, E, a voided one and a 500-account invoice) for a visual
 * check: `npx tsx scripts/pdf-samples.ts [folder]` (default /tmp/pdf-out), then e.g.
 * `pdftoppm -png -r 60 /tmp/pdf-out/clase-a.pdf /tmp/pdf-out/clase-a`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderInvoicePdf } from '@/lib/pdf/render';
import { SAMPLE_CLASS_A, SAMPLE_CLASS_B, SAMPLE_CLASS_E, SAMPLE_VOIDED, sampleLongInvoice } from '@/lib/pdf/sample-invoices';

const out = process.argv[2] ?? '/tmp/pdf-out';
const samples = { 'clase-a': SAMPLE_CLASS_A, 'clase-b': SAMPLE_CLASS_B, 'clase-e': SAMPLE_CLASS_E, anulada: SAMPLE_VOIDED, 'larga-500': sampleLongInvoice(500) };

await mkdir(out, { recursive: true });
for (const [name, data] of Object.entries(samples)) {
  const started = performance.now();
  const pdf = await renderInvoicePdf(data);
  const file = path.join(out, `${name}.pdf`);
  await writeFile(file, pdf);
  console.log(`${file}: ${data.lines.length} líneas, ${(pdf.length / 1024).toFixed(0)} KB, ${((performance.now() - started) / 1000).toFixed(2)} s`);
}
