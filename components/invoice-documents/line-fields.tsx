'use client';

import { useState } from 'react';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOptGroup, NativeSelectOption } from '@/components/ui/native-select';
import { CONCEPT_KIND_LABELS, type ConceptKind } from '@/lib/domain/billing/labels';
import type { LineAccount, LineConcept } from './types';

/**
 * The fields of one one-off line (manual invoice or debit note): concept (grouped; choosing a
 * concept with an amount fills the unit price), optional account, description, quantity, price.
 * `prefix` names the fields (e.g. 'l0.') so several rows can share a form.
 */
export function LineFields({
  concepts,
  accounts,
  currency,
  prefix = '',
  errors,
  value,
  required = true,
}: {
  concepts: LineConcept[];
  accounts: LineAccount[];
  currency: string;
  prefix?: string;
  errors: Record<string, string[]>;
  value: (key: string, initial: unknown) => string;
  required?: boolean;
}) {
  const name = (f: string) => `${prefix}${f}`;
  const id = (f: string) => `${prefix.replace(/\W/g, '_')}${f}`;
  const err = (f: string) => errors[name(f)];
  const [conceptId, setConceptId] = useState(value(name('conceptId'), ''));
  const [price, setPrice] = useState(value(name('unitPrice'), ''));
  const groups = [...new Set(concepts.map((c) => c.groupName))];
  const concept = concepts.find((c) => c.id === conceptId);

  return (
    <div className="grid gap-4 md:grid-cols-6">
      <FormField label="Concepto" htmlFor={id('conceptId')} required={required} error={err('conceptId')} className="md:col-span-2">
        <NativeSelect
          name={name('conceptId')}
          value={conceptId}
          onChange={(e) => {
            setConceptId(e.target.value);
            const c = concepts.find((x) => x.id === e.target.value);
            if (c?.prefill) setPrice(c.prefill);
          }}
          {...fieldAria(id('conceptId'), err('conceptId'))}
        >
          <NativeSelectOption value="">Seleccione…</NativeSelectOption>
          {groups.map((g) => (
            <NativeSelectOptGroup key={g} label={g}>
              {concepts
                .filter((c) => c.groupName === g)
                .map((c) => (
                  <NativeSelectOption key={c.id} value={c.id}>
                    {c.code} — {c.name}
                  </NativeSelectOption>
                ))}
            </NativeSelectOptGroup>
          ))}
        </NativeSelect>
      </FormField>
      <FormField label="Cuenta" htmlFor={id('accountId')} error={err('accountId')} className="md:col-span-2">
        <NativeSelect name={name('accountId')} defaultValue={value(name('accountId'), '')} {...fieldAria(id('accountId'), err('accountId'))}>
          <NativeSelectOption value="">Sin cuenta (cargo del acuerdo)</NativeSelectOption>
          {accounts.map((a) => (
            <NativeSelectOption key={a.id} value={a.id}>
              {a.number} — {a.description}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </FormField>
      <FormField label="Cantidad" htmlFor={id('quantity')} required={required} error={err('quantity')}>
        <Input name={name('quantity')} defaultValue={value(name('quantity'), required ? '1' : '')} inputMode="decimal" autoComplete="off" {...fieldAria(id('quantity'), err('quantity'))} />
      </FormField>
      <FormField
        label={`Precio unitario (${currency})`}
        htmlFor={id('unitPrice')}
        error={err('unitPrice')}
        description={concept ? `${CONCEPT_KIND_LABELS[concept.kind as ConceptKind] ?? concept.kind} · ITBIS ${concept.taxRate} %` : undefined}
      >
        <Input
          name={name('unitPrice')}
          value={price}
          onChange={(e) => setPrice(e.target.value)}
          inputMode="decimal"
          autoComplete="off"
          placeholder={concept?.prefill ?? ''}
          {...fieldAria(id('unitPrice'), err('unitPrice'), Boolean(concept))}
        />
      </FormField>
      <FormField label="Descripción" htmlFor={id('description')} error={err('description')} description="Si la deja en blanco se usa el nombre del concepto." className="md:col-span-6">
        <Input name={name('description')} defaultValue={value(name('description'), '')} maxLength={300} placeholder={concept?.name ?? ''} {...fieldAria(id('description'), err('description'), true)} />
      </FormField>
    </div>
  );
}
