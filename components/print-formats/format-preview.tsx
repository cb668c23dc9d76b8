'use client';

import { useEffect, useRef, useState } from 'react';
import { LoaderCircle } from 'lucide-react';
import { Label } from '@/components/ui/label';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';

const CLASSES = [
  { value: 'A', label: 'Clase A — contribuyente registrado' },
  { value: 'B', label: 'Clase B — consumidor final' },
  { value: 'E', label: 'Clase E — exportación (USD)' },
] as const;

/**
 * The live PDF preview of a format form: `version` changes with every edit; 400 ms after the last
 * one the form's current values (logo file included) are posted to /admin/formatos/vista-previa
 * with the chosen sample class, and the PDF answered replaces the one in the frame.
 */
export function FormatPreview({ form, version, formatId }: { form: React.RefObject<HTMLFormElement | null>; version: number; formatId?: string }) {
  const [previewClass, setPreviewClass] = useState<'A' | 'B' | 'E'>('A');
  const [src, setSrc] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string[] | null>(null);
  const [rendered, setRendered] = useState(0);
  const current = useRef<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      if (!form.current) return;
      const body = new FormData(form.current);
      body.set('previewClass', previewClass);
      if (formatId) body.set('formatId', formatId);
      setLoading(true);
      try {
        const res = await fetch('/admin/formatos/vista-previa', { method: 'POST', body, signal: controller.signal });
        if (res.ok) {
          const url = URL.createObjectURL(await res.blob());
          if (current.current) URL.revokeObjectURL(current.current);
          current.current = url;
          setSrc(url);
          setProblem(null);
          setRendered((n) => n + 1);
        } else {
          const json = (await res.json().catch(() => null)) as { error?: string; fieldErrors?: Record<string, string[]> } | null;
          setProblem(json?.fieldErrors ? Object.values(json.fieldErrors).flat() : [json?.error ?? `No se pudo generar la vista previa (HTTP ${res.status}).`]);
        }
      } catch (err) {
        if ((err as Error).name !== 'AbortError') setProblem(['No se pudo generar la vista previa: revise la conexión.']);
      } finally {
        if (!controller.signal.aborted) setLoading(false);
      }
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [form, version, previewClass, formatId]);

  useEffect(() => () => void (current.current && URL.revokeObjectURL(current.current)), []);

  return (
    <section aria-labelledby="preview-title" className="grid gap-3 lg:sticky lg:top-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id="preview-title" className="text-base font-semibold">
            Vista previa
          </h2>
          <p className="text-sm text-muted-foreground">Con los valores del formulario, aún sin guardar, sobre una factura de ejemplo.</p>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="previewClass">Factura de ejemplo</Label>
          <NativeSelect id="previewClass" value={previewClass} onChange={(e) => setPreviewClass(e.target.value as 'A' | 'B' | 'E')} wrapperClassName="w-80">
            {CLASSES.map((c) => (
              <NativeSelectOption key={c.value} value={c.value}>
                {c.label}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </div>
      </div>
      <p role="status" aria-live="polite" className="flex min-h-5 items-center gap-2 text-sm text-muted-foreground">
        {loading ? (
          <>
            <LoaderCircle className="size-4 animate-spin" aria-hidden /> Actualizando la vista previa…
          </>
        ) : src ? (
          'Vista previa al día.'
        ) : null}
      </p>
      {problem ? (
        <div role="alert" className="rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm text-destructive">
          <p className="font-medium">La vista previa no refleja el último cambio:</p>
          <ul className="list-disc pl-5">
            {problem.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="overflow-hidden rounded-md border bg-muted">
        {src ? (
          // The viewer's page thumbnails would take a third of the frame: hidden, page fitted to the width.
          <iframe title="Vista previa del PDF" src={`${src}#navpanes=0&view=FitH`} data-rendered={rendered} className="h-[78vh] w-full" />
        ) : (
          <div className="flex h-[78vh] items-center justify-center text-sm text-muted-foreground">Generando la vista previa…</div>
        )}
      </div>
    </section>
  );
}
