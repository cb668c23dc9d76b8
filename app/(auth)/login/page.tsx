import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Droplets } from 'lucide-react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { HOME_BY_ROLE } from '@/lib/auth/roles';
import { currentActor } from '@/lib/dal/actor';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Iniciar sesión' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const actor = await currentActor();
  if (actor) redirect(HOME_BY_ROLE[actor.role]);
  const { callbackUrl } = await searchParams;
  return (
    <main className="flex min-h-dvh items-center justify-center bg-muted/40 p-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="flex flex-col items-center gap-2 text-center">
          <span className="flex size-12 items-center justify-center rounded-xl bg-primary text-primary-foreground">
            <Droplets className="size-7" aria-hidden />
          </span>
          <h1 className="text-2xl font-semibold tracking-tight">Cauce</h1>
          <p className="text-sm text-muted-foreground">Facturación y cobros de agua potable</p>
        </div>
        <Card>
          <CardHeader>
            <CardTitle>Iniciar sesión</CardTitle>
            <CardDescription>Use su correo y contraseña de Cauce.</CardDescription>
          </CardHeader>
          <CardContent>
            <LoginForm callbackUrl={callbackUrl} />
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
