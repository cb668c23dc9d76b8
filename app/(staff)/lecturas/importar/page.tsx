import type { Metadata } from 'next';
import { ReadingsImportForm } from '@/components/readings/readings-import-form';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageActor } from '@/lib/dal/page';
import { ANOMALY_CODES, ANOMALY_LABELS, MAX_IMPORT_ROWS } from '@/lib/domain/billing/readings';

export const metadata: Metadata = { title: 'Importar lecturas' };

export default async function ImportReadingsPage() {
  await requirePageActor('readings.write');
  return (
    <>
      <PageHeader
        title="Importar lecturas"
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Lecturas', href: '/lecturas' }, { label: 'Importar' }]}
        description="Cargue el archivo de las lecturas tomadas en campo. La vista previa muestra qué hará cada fila sin guardar nada; al importar se guardan solo las filas válidas."
      />
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <ReadingsImportForm />
        <Card className="self-start">
          <CardHeader>
            <CardTitle>Formato del archivo</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3 text-sm">
            <p>
              CSV en UTF-8 separado por <code>;</code> o <code>,</code>, con fila de encabezado y hasta {MAX_IMPORT_ROWS.toLocaleString('es-DO')} filas:
            </p>
            <ul className="list-disc space-y-1 pl-5">
              <li>
                <strong>cuenta</strong>: número de cuenta, p. ej. CT-000123
              </li>
              <li>
                <strong>periodo</strong>: AAAA-MM, no futuro
              </li>
              <li>
                <strong>fecha</strong>: fecha de lectura AAAA-MM-DD
              </li>
              <li>
                <strong>lectura</strong>: valor del medidor en m³ (entero); vacío si hay anomalía
              </li>
              <li>
                <strong>anomalía</strong> (opcional): código de la lista
              </li>
              <li>
                <strong>lector</strong> (opcional): nombre de quien leyó
              </li>
            </ul>
            <pre className="overflow-x-auto rounded-md bg-muted p-2 text-xs">{'cuenta;periodo;fecha;lectura;anomalía;lector\nCT-000123;2026-10;2026-10-28;1534;;Luis Peña\nCT-000124;2026-10;2026-10-28;;MI;Luis Peña'}</pre>
            <div>
              <p className="mb-1 font-medium">Códigos de anomalía</p>
              <dl className="grid grid-cols-[3rem_1fr] gap-x-2 gap-y-0.5">
                {ANOMALY_CODES.map((code) => (
                  <div key={code} className="contents">
                    <dt className="font-mono">{code}</dt>
                    <dd>{ANOMALY_LABELS[code]}</dd>
                  </div>
                ))}
              </dl>
            </div>
            <p className="text-muted-foreground">Importar dos veces el mismo archivo no cambia nada: las filas ya registradas con los mismos valores se omiten.</p>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
