'use client';

import * as React from 'react';
import { useFormStatus } from 'react-dom';
import { Loader2Icon } from 'lucide-react';

import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';

type ConfirmDialogProps = {
  /** Elemento que abre el diálogo (un único elemento, p. ej. un `<Button>`). */
  trigger: React.ReactNode;
  title: string;
  description?: React.ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  destructive?: boolean;
  /** Acción en el cliente; el diálogo muestra estado pendiente mientras se resuelve. */
  onConfirm?: () => void | Promise<void>;
  /** Server action: el botón de confirmar envía un `<form action={formAction}>`. */
  formAction?: (formData: FormData) => void | Promise<void>;
  /** Campos ocultos incluidos en el formulario cuando se usa `formAction`. */
  hiddenFields?: Record<string, string>;
};

function ConfirmButton({
  label,
  destructive,
  pending,
  type,
  onClick,
}: {
  label: string;
  destructive?: boolean;
  pending: boolean;
  type: 'button' | 'submit';
  onClick?: () => void;
}) {
  return (
    <Button
      type={type}
      variant={destructive ? 'destructive' : 'default'}
      disabled={pending}
      aria-busy={pending || undefined}
      onClick={onClick}
      data-slot="confirm-dialog-confirm"
    >
      {pending && <Loader2Icon className="animate-spin" aria-hidden="true" />}
      {label}
    </Button>
  );
}

/** Botones del pie dentro del `<form>`: leen el estado pendiente con useFormStatus. */
function FormFooter({
  confirmLabel,
  cancelLabel,
  destructive,
}: {
  confirmLabel: string;
  cancelLabel: string;
  destructive?: boolean;
}) {
  const { pending } = useFormStatus();
  return (
    <DialogFooter>
      <DialogClose asChild>
        <Button type="button" variant="outline" disabled={pending}>
          {cancelLabel}
        </Button>
      </DialogClose>
      <ConfirmButton type="submit" label={confirmLabel} destructive={destructive} pending={pending} />
    </DialogFooter>
  );
}

function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel = 'Confirmar',
  cancelLabel = 'Cancelar',
  destructive,
  onConfirm,
  formAction,
  hiddenFields,
}: ConfirmDialogProps) {
  const [open, setOpen] = React.useState(false);
  const [isPending, startTransition] = React.useTransition();
  // Verdadero mientras corre la acción del formulario (se revierte al terminar).
  const [formPending, setFormPending] = React.useOptimistic(false);
  const pending = isPending || formPending;

  function handleOpenChange(next: boolean) {
    if (!next && pending) return; // no cerrar a mitad de la acción
    setOpen(next);
  }

  function handleConfirm() {
    startTransition(async () => {
      await onConfirm?.();
      setOpen(false);
    });
  }

  async function submit(formData: FormData) {
    setFormPending(true);
    await formAction?.(formData);
    setOpen(false);
  }

  const preventWhilePending = (event: Event) => {
    if (pending) event.preventDefault();
  };

  return (
    <Dialog open={open} onOpenChange={handleOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent
        role="alertdialog"
        showCloseButton={false}
        data-slot="confirm-dialog"
        onEscapeKeyDown={preventWhilePending}
        onInteractOutside={preventWhilePending}
        {...(description ? {} : { 'aria-describedby': undefined })}
      >
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          {description &&
            (typeof description === 'string' ? (
              <DialogDescription>{description}</DialogDescription>
            ) : (
              <DialogDescription asChild>
                <div>{description}</div>
              </DialogDescription>
            ))}
        </DialogHeader>
        {formAction ? (
          <form action={submit} className="contents">
            {hiddenFields &&
              Object.entries(hiddenFields).map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
            <FormFooter
              confirmLabel={confirmLabel}
              cancelLabel={cancelLabel}
              destructive={destructive}
            />
          </form>
        ) : (
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline" disabled={pending}>
                {cancelLabel}
              </Button>
            </DialogClose>
            <ConfirmButton
              type="button"
              label={confirmLabel}
              destructive={destructive}
              pending={pending}
              onClick={handleConfirm}
            />
          </DialogFooter>
        )}
      </DialogContent>
    </Dialog>
  );
}

export { ConfirmDialog };
export type { ConfirmDialogProps };
