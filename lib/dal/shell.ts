import 'server-only';
import { getDb } from '@/db/client';
import { customerName, listBranches } from '@/db/queries/organization';
import type { Actor } from '@/lib/auth/scope';

/** What the header shows next to the user: their branches, "todas", or their company. */
export async function scopeLabelFor(actor: Actor, db = getDb()): Promise<string> {
  if (actor.role === 'CLIENT' && actor.customerId) return (await customerName(db, actor.customerId)) ?? 'Cliente';
  if (actor.role === 'BRANCH_STAFF' || actor.role === 'CASHIER') {
    const branches = await listBranches(db, actor.branchIds);
    return branches.length ? branches.map((b) => `Sucursal ${b.name}`).join(', ') : 'Sin sucursal asignada';
  }
  if (actor.role === 'INSPECTOR') return 'Catastro';
  return 'Todas las sucursales';
}
