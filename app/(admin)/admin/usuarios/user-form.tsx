'use client';

import { FormActions } from '@/components/forms/form-actions';
import { FormErrorAlert } from '@/components/forms/alerts';
import { LabelledOptions } from '@/components/forms/select-options';
import { formStateView } from '@/components/forms/form-state';
import { useActionState, useState } from 'react';
import { Combobox } from '@/components/ui/combobox';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import type { ActionResult } from '@/lib/actions/result';
import { ROLE_LABELS, type Role } from '@/lib/auth/roles';
import { ROLES_WITH_BRANCHES } from '@/lib/validation/user';

export type UserFormValues = { name?: string; email?: string; role?: Role; branchIds?: string[]; customerId?: string | null };

type Options = {
  branches: { id: string; code: string; name: string; active: boolean }[];
  customers: { id: string; label: string }[];
};

type Props = {
  action: (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;
  initial: UserFormValues;
  options: Options;
  /** Creating asks for the first password; editing leaves it to the reset form. */
  withPassword: boolean;
  /** The admin editing their own account may not drop their ADMIN role. */
  lockRole?: boolean;
  submitLabel: string;
  cancelHref: string;
};

export function UserForm(props: Props) {
  const [state, formAction, pending] = useActionState(props.action, undefined);
  const { sent, errors, formError, formKey } = formStateView(state);
  return (
    <form action={formAction} className="grid max-w-3xl gap-6" noValidate>
      <FormErrorAlert message={formError} />
      {/* Remounted after a failed submit so the fields show what was sent, not the initial values. */}
      <Fields key={formKey} {...props} sent={sent} errors={errors} />
      <FormActions pending={pending} submitLabel={props.submitLabel} cancelHref={props.cancelHref} />
    </form>
  );
}

function Fields({ initial, options, withPassword, lockRole, sent, errors }: Props & { sent?: Record<string, string | string[]>; errors: Record<string, string[] | undefined> }) {
  const text = (key: 'name' | 'email') => (sent ? String(sent[key] ?? '') : (initial[key] ?? ''));
  const sentBranches = sent?.branchIds;
  const checked = new Set(sent ? (Array.isArray(sentBranches) ? sentBranches : sentBranches ? [sentBranches] : []) : (initial.branchIds ?? []));
  const [role, setRole] = useState<string>(sent ? String(sent.role ?? '') : (initial.role ?? ''));
  const usesBranches = ROLES_WITH_BRANCHES.includes(role as Role);

  return (
    <>
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Datos de acceso</legend>
        <FormField label="Nombre completo" htmlFor="name" required error={errors.name}>
          <Input name="name" defaultValue={text('name')} maxLength={120} autoComplete="off" {...fieldAria('name', errors.name)} />
        </FormField>
        <FormField label="Correo electrónico" htmlFor="email" required error={errors.email} description="Es el usuario para iniciar sesión.">
          <Input name="email" type="email" defaultValue={text('email')} maxLength={200} autoComplete="off" {...fieldAria('email', errors.email, true)} />
        </FormField>
        {withPassword ? (
          <>
            <FormField label="Contraseña" htmlFor="password" required error={errors.password} description="Al menos 10 caracteres, con letras y números.">
              <Input name="password" type="password" autoComplete="new-password" {...fieldAria('password', errors.password, true)} />
            </FormField>
            <FormField label="Repita la contraseña" htmlFor="passwordConfirm" required error={errors.passwordConfirm}>
              <Input name="passwordConfirm" type="password" autoComplete="new-password" {...fieldAria('passwordConfirm', errors.passwordConfirm)} />
            </FormField>
          </>
        ) : null}
      </fieldset>

      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Rol y alcance</legend>
        <FormField label="Rol" htmlFor="role" required error={errors.role} description={lockRole ? 'No puede cambiar su propio rol de Administrador.' : undefined}>
          <NativeSelect name={lockRole ? undefined : 'role'} value={role} onChange={(e) => setRole(e.target.value)} disabled={lockRole} placeholder="Seleccione…" {...fieldAria('role', errors.role, lockRole)}>
            <LabelledOptions labels={ROLE_LABELS} />
          </NativeSelect>
          {lockRole ? <input type="hidden" name="role" value={role} /> : null}
        </FormField>

        {role === 'CLIENT' ? (
          <FormField label="Cliente" htmlFor="customerId" required error={errors.customerId} description="La empresa cuyos datos verá en el portal (grandes clientes).">
            <Combobox
              name="customerId"
              options={options.customers.map((c) => ({ value: c.id, label: c.label }))}
              defaultValue={sent ? String(sent.customerId ?? '') : (initial.customerId ?? '')}
              placeholder="Seleccione el cliente…"
              searchPlaceholder="Buscar por código o nombre…"
              emptyText="Ningún cliente coincide."
              {...fieldAria('customerId', errors.customerId, true)}
            />
          </FormField>
        ) : null}

        {usesBranches ? (
          <fieldset className="grid gap-2 md:col-span-2" aria-describedby={errors.branchIds ? 'branchIds-error' : undefined} aria-invalid={errors.branchIds ? true : undefined}>
            <legend className="mb-1 text-sm font-medium">
              Sucursales<span aria-hidden="true" className="ml-0.5 text-destructive">*</span>
              <span className="sr-only"> (obligatorio)</span>
            </legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {options.branches.map((b) => (
                <label key={b.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="branchIds[]" value={b.id} defaultChecked={checked.has(b.id)} className="size-4 accent-primary" />
                  <span className="font-mono text-xs text-muted-foreground">{b.code}</span> {b.name}
                  {b.active ? null : <span className="text-xs text-muted-foreground">(inactiva)</span>}
                </label>
              ))}
            </div>
            {errors.branchIds ? (
              <div id="branchIds-error" role="alert" className="text-sm text-destructive">
                {errors.branchIds.map((m) => (
                  <p key={m}>{m}</p>
                ))}
              </div>
            ) : null}
          </fieldset>
        ) : role && role !== 'CLIENT' ? (
          <p className="self-end text-sm text-muted-foreground md:col-span-2">
            {role === 'INSPECTOR' ? 'Los inspectores trabajan sobre el catastro, sin sucursal asignada.' : 'Este rol ve la información de todas las sucursales.'}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}
