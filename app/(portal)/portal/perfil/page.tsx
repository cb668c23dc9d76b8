import type { Metadata } from 'next';
import { AgreementStatusBadge } from '@/components/crm/status-badges';
import { DetailField } from '@/components/detail-field';
import { AgreementContactForm } from '@/components/portal/agreement-contact-form';
import { GroupDeliveryForm } from '@/components/portal/group-delivery-form';
import { InviteForm } from '@/components/portal/invite-form';
import { RevokeInvitationButton } from '@/components/portal/revoke-invitation-button';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { inviteUserAction, revokeInvitationAction, updateAgreementContactAction, updateGroupDeliveryAction } from '@/lib/actions/portal-profile';
import { requirePageActor } from '@/lib/dal/page';
import { getPortalProfile } from '@/lib/dal/portal-profile';
import { formatDateTime } from '@/lib/domain/format';
import { INVITATION_STATE_LABELS, type InvitationState } from '@/lib/domain/portal/invitation';

export const metadata: Metadata = { title: 'Perfil y usuarios' };

const STATE_VARIANTS: Record<InvitationState, 'warning' | 'success' | 'secondary' | 'outline'> = { PENDING: 'warning', ACCEPTED: 'success', REVOKED: 'secondary', EXPIRED: 'outline' };

/** Contact and delivery e-mails of the client's agreements; for its administrator, users and invitations. */
export default async function PortalProfilePage() {
  const actor = await requirePageActor('portal.use');
  const profile = await getPortalProfile(actor);
  const editable = profile.agreements.filter((a) => a.status !== 'CLOSED');
  return (
    <>
      <PageHeader title="Perfil y usuarios" description="Datos de contacto y entrega de sus acuerdos y, si administra el portal de su empresa, sus usuarios." crumbs={[{ label: 'Mi cuenta', href: '/portal' }, { label: 'Perfil y usuarios' }]} />
      <div className="grid max-w-4xl grid-cols-1 gap-6">
        <SectionCard title="Su usuario">
          <dl className="grid gap-4 sm:grid-cols-3">
            <DetailField label="Nombre">{profile.me.name}</DetailField>
            <DetailField label="Correo">{profile.me.email}</DetailField>
            <DetailField label="Acceso">{profile.me.clientAdmin ? 'Administrador del portal de su empresa' : 'Usuario del portal'}</DetailField>
          </dl>
        </SectionCard>

        <section className="grid grid-cols-1 gap-4" aria-labelledby="contacto">
          <div>
            <h2 id="contacto" className="text-lg font-semibold">
              Contacto y entrega de facturas
            </h2>
            <p className="text-sm text-muted-foreground">Los cambios quedan registrados con su usuario, la fecha y el valor anterior.</p>
          </div>
          {editable.length === 0 ? <p className="text-sm text-muted-foreground">No tiene acuerdos vigentes.</p> : null}
          {editable.map((a) => (
            <SectionCard
              key={a.id}
              title={
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-mono">{a.code}</span> {a.name} <AgreementStatusBadge status={a.status} />
                </span>
              }
            >
              <div className="grid gap-4">
                <AgreementContactForm action={updateAgreementContactAction.bind(null, a.id)} email={a.email} code={a.code} />
                {a.groups
                  .filter((g) => g.status !== 'CLOSED')
                  .map((g) => (
                    <details key={g.id} className="rounded-md border p-3">
                      <summary className="cursor-pointer text-sm font-medium">
                        Grupo {g.name} <span className="font-mono text-muted-foreground">({g.code})</span>
                        <span className="block font-normal break-all text-muted-foreground sm:inline">
                          {' '}
                          · {g.email ?? 'sin correo de entrega'}
                        </span>
                      </summary>
                      <div className="mt-3">
                        <GroupDeliveryForm action={updateGroupDeliveryAction.bind(null, g.id)} code={g.code} email={g.email} deliveryAddress={g.deliveryAddress} />
                      </div>
                    </details>
                  ))}
              </div>
            </SectionCard>
          ))}
        </section>

        {profile.admin ? (
          <>
            <SectionCard title="Usuarios del portal de su empresa" description="Quienes pueden consultar y pagar las facturas de su empresa.">
              <ul className="grid gap-2 text-sm" data-testid="portal-users">
                {profile.admin.users.map((u) => (
                  <li key={u.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border p-3">
                    <span className="min-w-0">
                      <span className="font-medium">{u.name}</span>
                      <span className="block break-all text-muted-foreground">{u.email}</span>
                    </span>
                    <span className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                      {u.clientAdmin ? <Badge variant="secondary">Administrador</Badge> : null}
                      {u.active ? null : <Badge variant="outline">Inactivo</Badge>}
                      {u.lastLoginAt ? `Último ingreso ${formatDateTime(u.lastLoginAt)}` : 'Aún no ha ingresado'}
                    </span>
                  </li>
                ))}
              </ul>
            </SectionCard>

            <SectionCard title="Invitar a un colega" description="Recibirá un enlace, válido 7 días, para elegir su contraseña. Tendrá acceso a las facturas de su empresa, no a la administración de usuarios.">
              <InviteForm action={inviteUserAction} />
            </SectionCard>

            <SectionCard title="Invitaciones">
              {profile.admin.invitations.length === 0 ? (
                <p className="text-sm text-muted-foreground">Aún no ha enviado invitaciones.</p>
              ) : (
                <ul className="grid gap-2 text-sm" data-testid="invitations">
                  {profile.admin.invitations.map((i) => (
                    <li key={i.id} className="flex flex-col gap-2 rounded-md border p-3 sm:flex-row sm:items-center sm:justify-between">
                      <span className="min-w-0">
                        <span className="flex flex-wrap items-center gap-2">
                          <span className="font-medium">{i.name}</span>
                          <Badge variant={STATE_VARIANTS[i.state]}>{INVITATION_STATE_LABELS[i.state]}</Badge>
                        </span>
                        <span className="block break-all text-muted-foreground">{i.email}</span>
                        <span className="block text-xs text-muted-foreground">
                          Enviada el {formatDateTime(i.createdAt)}
                          {i.invitedByName ? ` por ${i.invitedByName}` : ''}
                          {i.state === 'PENDING' ? ` · vence el ${formatDateTime(i.expiresAt)}` : ''}
                          {i.state === 'ACCEPTED' && i.acceptedAt ? ` · aceptada el ${formatDateTime(i.acceptedAt)}` : ''}
                        </span>
                      </span>
                      {i.state === 'PENDING' ? <RevokeInvitationButton action={revokeInvitationAction.bind(null, i.id)} email={i.email} /> : null}
                    </li>
                  ))}
                </ul>
              )}
            </SectionCard>
          </>
        ) : null}
      </div>
    </>
  );
}
