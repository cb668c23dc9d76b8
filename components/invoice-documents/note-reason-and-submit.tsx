'use client';

import type { RefObject } from 'react';
import Link from 'next/link';
import { LoaderCircle, type LucideIcon } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';

/** The end of a credit or debit note form: the required reason, then "Emitir" behind a confirmation, and Cancelar. */
export function NoteReasonAndSubmit({
  form,
  pending,
  errors,
  value,
  icon: Icon,
  submitLabel,
  title,
  description,
  cancelHref,
}: {
  form: RefObject<HTMLFormElement | null>;
  pending: boolean;
  errors: Record<string, string[] | undefined>;
  value: (key: string, initial: unknown) => string;
  icon: LucideIcon;
  submitLabel: string;
  title: string;
  description: string;
  cancelHref: string;
}) {
  return (
    <>
      <FormField label="Motivo" htmlFor="reason" required error={errors.reason} description="Se guarda en la nota y en la auditoría.">
        <Textarea name="reason" defaultValue={value('reason', '')} maxLength={500} rows={3} {...fieldAria('reason', errors.reason, true)} />
      </FormField>
      <div className="flex gap-2">
        <ConfirmDialog
          trigger={
            <Button type="button" disabled={pending}>
              {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : <Icon aria-hidden />}
              {submitLabel}
            </Button>
          }
          title={title}
          description={description}
          confirmLabel="Emitir"
          onConfirm={() => form.current?.requestSubmit()}
        />
        <Button variant="outline" asChild>
          <Link href={cancelHref}>Cancelar</Link>
        </Button>
      </div>
    </>
  );
}
