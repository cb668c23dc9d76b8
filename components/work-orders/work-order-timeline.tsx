import { Check, CircleDashed, ClipboardCheck, FilePlus2, X } from 'lucide-react';
import type { WorkOrderStatus } from '@/lib/domain/crm-status';
import { formatDateTime } from '@/lib/domain/format';
import { cn } from '@/lib/utils';

type Step = { key: string; title: string; icon: typeof Check; done: boolean; tone?: 'destructive' | 'success'; at?: Date | null; by?: string | null; text?: string | null; textLabel?: string };

/** Created → decided (approved or rejected, with the reason) → completed, with who and when. */
export function WorkOrderTimeline(p: {
  status: WorkOrderStatus;
  createdAt: Date;
  createdByName: string | null;
  decidedAt: Date | null;
  decidedByName: string | null;
  decisionReason: string | null;
  completedAt: Date | null;
  completedByName: string | null;
  completionNotes: string | null;
}) {
  const rejected = p.status === 'REJECTED';
  const steps: Step[] = [
    { key: 'created', title: 'Creada', icon: FilePlus2, done: true, at: p.createdAt, by: p.createdByName },
    rejected
      ? { key: 'decided', title: 'Rechazada', icon: X, done: true, tone: 'destructive', at: p.decidedAt, by: p.decidedByName, text: p.decisionReason, textLabel: 'Motivo' }
      : p.decidedAt
        ? { key: 'decided', title: 'Aprobada', icon: Check, done: true, at: p.decidedAt, by: p.decidedByName }
        : { key: 'decided', title: 'Pendiente de aprobación', icon: CircleDashed, done: false },
  ];
  if (!rejected) {
    steps.push(
      p.completedAt
        ? { key: 'completed', title: 'Realizada', icon: ClipboardCheck, done: true, tone: 'success', at: p.completedAt, by: p.completedByName, text: p.completionNotes, textLabel: 'Notas' }
        : { key: 'completed', title: 'Pendiente de ejecución', icon: CircleDashed, done: false },
    );
  }

  return (
    <ol className="grid gap-4" aria-label="Historial de la orden">
      {steps.map((s) => (
        <li key={s.key} className="flex gap-3">
          <span
            className={cn(
              'mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full border',
              !s.done && 'border-dashed text-muted-foreground',
              s.done && !s.tone && 'border-primary/40 bg-primary/10 text-primary',
              s.tone === 'destructive' && 'border-destructive/40 bg-destructive/10 text-destructive',
              s.tone === 'success' && 'border-success/40 bg-success/10 text-success',
            )}
            aria-hidden
          >
            <s.icon className="size-4" />
          </span>
          <div className="text-sm">
            <p className={cn('font-medium', !s.done && 'text-muted-foreground')}>{s.title}</p>
            {s.done ? (
              <p className="text-muted-foreground">
                {s.at ? formatDateTime(s.at) : null}
                {s.by ? ` · ${s.by}` : null}
              </p>
            ) : null}
            {s.text ? (
              <p className="mt-1 whitespace-pre-wrap">
                <span className="text-muted-foreground">{s.textLabel}: </span>
                {s.text}
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
