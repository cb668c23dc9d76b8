import { Download } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { formatMoney } from '@/lib/domain/format';

/** "Exportar CSV" for a report's current filters. */
export function ExportButton({ href }: { href: string }) {
  return (
    <Button variant="outline" asChild>
      <a href={href} download>
        <Download /> Exportar CSV
      </a>
    </Button>
  );
}

/** A right-aligned amount cell body (exact decimal string, formatted). */
export function Amount({ value, currency }: { value: string; currency: string }) {
  return <span className="whitespace-nowrap tabular-nums">{formatMoney(value, currency)}</span>;
}

/** The heading of one currency's block: currencies are never added together. */
export function CurrencyHeading({ currency, children }: { currency: string; children?: React.ReactNode }) {
  return (
    <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
      <h2 className="text-lg font-semibold">Moneda {currency}</h2>
      {children ? <div className="text-sm text-muted-foreground">{children}</div> : null}
    </div>
  );
}
