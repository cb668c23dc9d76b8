import { FileText } from 'lucide-react';
import { SectionCard } from '@/components/section-card';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { toLocalDateString } from '@/lib/domain/format';

/**
 * "Estado de cuenta": a date range and a button that opens the agreement's statement PDF in a new
 * tab (a plain GET form: the route checks the range and answers a bad one with its message).
 * Defaults to the year so far.
 */
export function StatementForm({ agreementId, today = toLocalDateString(new Date()) }: { agreementId: string; today?: string }) {
  return (
    <SectionCard title="Estado de cuenta" description="Saldo anterior, facturas, notas y pagos del rango, y saldo al cierre, en PDF.">
      <form action={`/acuerdos/${agreementId}/estado-de-cuenta`} method="get" target="_blank" className="flex flex-wrap items-end gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor="estado-desde">Desde</Label>
          <Input id="estado-desde" name="desde" type="date" required defaultValue={`${today.slice(0, 4)}-01-01`} max={today} className="w-44" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="estado-hasta">Hasta</Label>
          <Input id="estado-hasta" name="hasta" type="date" required defaultValue={today} className="w-44" />
        </div>
        <Button type="submit" variant="outline">
          <FileText /> Ver estado de cuenta (PDF)
        </Button>
      </form>
    </SectionCard>
  );
}
