/** One label/value pair of a detail view; empty values show a dash. */
export function DetailField({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{label}</dt>
      <dd className="mt-1 text-sm break-words">{children || '—'}</dd>
    </div>
  );
}
