import * as React from 'react';

import { cn } from '@/lib/utils';
import { Label } from '@/components/ui/label';

type FieldError = string | string[] | undefined | null;

function toMessages(error: FieldError): string[] {
  if (!error) return [];
  return (Array.isArray(error) ? error : [error]).filter(Boolean);
}

/**
 * Atributos ARIA para el control de un `FormField` con el mismo `htmlFor`:
 * `<Input {...fieldAria('email', errors.email)} name="email" />`
 */
function fieldAria(htmlFor: string, error?: FieldError, hasDescription = false) {
  const invalid = toMessages(error).length > 0;
  const describedBy = [
    hasDescription ? `${htmlFor}-description` : null,
    invalid ? `${htmlFor}-error` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return {
    id: htmlFor,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy || undefined,
  };
}

function FormField({
  label,
  htmlFor,
  error,
  description,
  required,
  className,
  children,
  ...props
}: Omit<React.ComponentProps<'div'>, 'children'> & {
  label: React.ReactNode;
  htmlFor: string;
  error?: FieldError;
  description?: React.ReactNode;
  required?: boolean;
  children: React.ReactNode;
}) {
  const messages = toMessages(error);
  const invalid = messages.length > 0;

  return (
    <div
      data-slot="form-field"
      data-invalid={invalid || undefined}
      className={cn('grid content-start gap-2', className)}
      {...props}
    >
      <Label htmlFor={htmlFor} className={cn(invalid && 'text-destructive')}>
        <span>
          {label}
          {required && (
            <>
              <span aria-hidden="true" className="ml-0.5 text-destructive">
                *
              </span>
              <span className="sr-only"> (obligatorio)</span>
            </>
          )}
        </span>
      </Label>
      {children}
      {description && (
        <p
          id={`${htmlFor}-description`}
          data-slot="form-field-description"
          className="text-sm text-muted-foreground"
        >
          {description}
        </p>
      )}
      {invalid && (
        <div
          id={`${htmlFor}-error`}
          role="alert"
          data-slot="form-field-error"
          className="text-sm text-destructive"
        >
          {messages.map((message, index) => (
            <p key={index}>{message}</p>
          ))}
        </div>
      )}
    </div>
  );
}

export { FormField, fieldAria };
