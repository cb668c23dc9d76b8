import type { Metadata } from 'next';
import Link from 'next/link';
import { Droplets } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { acceptInvitationAction } from '@/lib/actions/portal-profile';
import { getInvitationForToken } from '@/lib/dal/portal-profile';
import { formatDateTime } from '@/lib/domain/format';
import { AcceptInvitationForm } from './accept-form';

export const metadata: Metadata = { title: 'Invitación al portal', robots: { index: false }, referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

/**
 * Public (no session): the link a client administrator sent. A pending invitation asks for a
 * password; an unknown, used, revoked or expired one says so in words and creates nothing.
 */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await getInvitationForToken(token);
  return (
    <main className="flex min-h-dvh items-center justify-center bg-muted/40 p-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="flex flex-col items-center gap-2 text-center">
          <span className="flex size-12 items-center justify-center rounded-xl bg-primary text-primary-foreground">
            <Droplets className="size-7" aria-hidden />
          </span>
          <h1 className="text-2xl font-semibold tracking-tight">Cauce</h1>
          <p className="text-sm text-muted-foreground">Portal de clientes</p>
        </div>
        <Card>
          {!invitation || invitation.problem ? (
            <>
              <CardHeader>
                <CardTitle>{!invitation ? 'Enlace no válido' : invitation.state === 'ACCEPTED' ? 'Invitación ya usada' : invitation.state === 'REVOKED' ? 'Invitación revocada' : 'Invitación vencida'}</CardTitle>
                <CardDescription data-testid="invitation-problem">{invitation?.problem ?? 'Este enlace de invitación no existe. Revise que lo copió completo o pida uno nuevo al administrador del portal de su empresa.'}</CardDescription>
              </CardHeader>
              <CardContent>
                <Button variant="outline" className="w-full" asChild>
                  <Link href="/login">Ir a iniciar sesión</Link>
                </Button>
              </CardContent>
            </>
          ) : (
            <>
              <CardHeader>
                <CardTitle>Bienvenido, {invitation.name}</CardTitle>
                <CardDescription>
                  Le invitaron a consultar las facturas de {invitation.customerName}. Elija su contraseña para crear su usuario (el enlace vence el {formatDateTime(invitation.expiresAt)}).
                </CardDescription>
              </CardHeader>
              <CardContent>
                <AcceptInvitationForm action={acceptInvitationAction.bind(null, token)} email={invitation.email} />
              </CardContent>
            </>
          )}
        </Card>
      </div>
    </main>
  );
}
