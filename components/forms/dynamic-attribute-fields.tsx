import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import type { AttributeDefinition, AttributeValue } from '@/lib/domain/dynamic-attributes';

/** Form field name of a dynamic attribute: `attr.<key>` (validateAttributeValues reads it). */
export const attributeFieldName = (key: string) => `attr.${key}`;

/** Field errors keyed by attribute key → keyed by form field name, for the form to show. */
export function attributeFieldErrors(errors: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [attributeFieldName(k), v]));
}

/**
 * Renders the admin-defined attributes of an entity inside a form. `value(name, initial)` is the
 * form's formStateView().value, so a failed submit keeps what the user typed.
 */
export function DynamicAttributeFields({
  definitions,
  initial,
  errors,
  value,
  sent,
}: {
  definitions: AttributeDefinition[];
  initial: Record<string, AttributeValue> | undefined;
  errors: Record<string, string[]>;
  value: (name: string, initial: unknown) => string;
  sent: Record<string, unknown> | undefined;
}) {
  if (definitions.length === 0) return null;
  return (
    <fieldset className="grid gap-4 md:grid-cols-2">
      <legend className="mb-2 text-base font-semibold">Atributos adicionales</legend>
      {definitions.map((def) => {
        const name = attributeFieldName(def.key);
        const id = `attr-${def.key}`;
        const err = errors[name];
        const init = initial?.[def.key] ?? null;
        if (def.type === 'BOOLEAN') {
          const checked = sent ? sent[name] === 'on' : init === true;
          return (
            <FormField key={def.key} label={def.label} htmlFor={id} error={err}>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name={name} defaultChecked={checked} className="size-4 accent-primary" {...fieldAria(id, err)} />
                Sí
              </label>
            </FormField>
          );
        }
        if (def.type === 'CHOICE') {
          return (
            <FormField key={def.key} label={def.label} htmlFor={id} required={def.required} error={err}>
              <NativeSelect name={name} defaultValue={value(name, init)} {...fieldAria(id, err)}>
                <NativeSelectOption value="">— Sin especificar —</NativeSelectOption>
                {(def.options ?? []).map((o) => (
                  <NativeSelectOption key={o} value={o}>
                    {o}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </FormField>
          );
        }
        return (
          <FormField key={def.key} label={def.label} htmlFor={id} required={def.required} error={err}>
            <Input
              name={name}
              type={def.type === 'DATE' ? 'date' : 'text'}
              inputMode={def.type === 'NUMBER' ? 'decimal' : undefined}
              defaultValue={value(name, init)}
              maxLength={def.type === 'TEXT' ? 500 : undefined}
              {...fieldAria(id, err)}
            />
          </FormField>
        );
      })}
    </fieldset>
  );
}

/** Read-only display of an entity's attribute values, for detail pages. */
export function formatAttributeValue(def: AttributeDefinition, v: AttributeValue | undefined): string | null {
  if (v === undefined || v === null || v === '') return def.type === 'BOOLEAN' ? 'No' : null;
  if (def.type === 'BOOLEAN') return v === true ? 'Sí' : 'No';
  if (def.type === 'DATE' && typeof v === 'string') {
    const [y, m, d] = v.split('-');
    return `${d}/${m}/${y}`;
  }
  return String(v);
}
