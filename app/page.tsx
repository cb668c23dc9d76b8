import { redirect } from 'next/navigation';
import { HOME_BY_ROLE } from '@/lib/auth/roles';
import { currentActor } from '@/lib/dal/actor';

export default async function Home() {
  const actor = await currentActor();
  redirect(actor ? HOME_BY_ROLE[actor.role] : '/login');
}
