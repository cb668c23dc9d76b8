'use client';

import { useActionState, useState } from 'react';
import { FormActions } from '@/components/forms/form-actions';
import { FormErrorAlert } from '@/components/forms/alerts';
import { DynamicAttributeFields } from '@/components/forms/dynamic-attribute-fields';
import { formStateView } from '@/components/forms/form-state';
import { Combobox } from '@/components/ui/combobox';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import type { ActionResult } from '@/lib/actions/result';
import {
  BILLING_FREQUENCY_LABELS,
  BILLING_MODE_LABELS,
  BILLING_OPPORTUNITY_LABELS,
  CURRENCY_LABELS,
  ITEM_GROUPING_LABELS,
} from '@/lib/domain/billing-frequency';
import { DOCUMENT_TYPE_LABELS, formatDocument, type DocumentType } from '@/lib/domain/documents';
import type { AttributeDefinition, AttributeValue } from '@/lib/domain/dynamic-attributes';
import { MONTH_NAMES_ES } from '@/lib/domain/format';

export type AgreementFormValues = {
  name?: string;
  customerId?: string;
  billingAddress?: string;
  provinceId?: string;
  localityId?: string;
  branchId?: string;
  billingMode?: string;
  billingOpportunity?: string;
  currency?: string;
  itemGrouping?: string;
  graceDays?: number | string;
  dueDays?: number | string;
  email?: string | null;
  discountPct?: string;
  slaHours?: number | string | null;
  billingFrequency?: string;
  anchorMonth?: number | string;
  validFrom?: string;
  validTo?: string | null;
  delinquencyExempt?: boolean;
  attributes?: Record<string, AttributeValue>;
};

export type CustomerChoice = {
  id: string;
  code: string;
  legalName: string;
  documentType: DocumentType;
  documentNumber: string;
  branchId: string;
  address: string | null;
  localityId: string | null;
  email: string | null;
};

export type AgreementFormOptions = {
  branches: { id: string; name: string }[];
  provinces: { id: string; name: string }[];
  localities: { id: string; name: string; provinceId: string }[];
  customers: CustomerChoice[];
  customersTotal: number;
  definitions: AttributeDefinition[];
};

type Action = (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => (
    <NativeSelectOption key={value} value={value}>
      {label}
    </NativeSelectOption>
  ));

export function AgreementForm({
  action,
  initial,
  options: opts,
  submitLabel,
  cancelHref,
  branchLocked = false,
}: {
  action: Action;
  initial: AgreementFormValues;
  options: AgreementFormOptions;
  submitLabel: string;
  cancelHref: string;
  /** On edit: the branch is fixed once the agreement exists (its orders and groups are scoped by it). */
  branchLocked?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  // After a failed submit the form shows what the user typed, not the initial values.
  const { sent, errors, value, formError, formKey } = formStateView(state);
  const v = (key: keyof AgreementFormValues) => value(key, initial[key]);

  // Fields that follow the chosen customer or province are controlled; they keep what the user typed across submits.
  const [customerId, setCustomerId] = useState(initial.customerId ?? '');
  const [billingAddress, setBillingAddress] = useState(initial.billingAddress ?? '');
  const [email, setEmail] = useState(initial.email ?? '');
  const [provinceId, setProvinceId] = useState(initial.provinceId ?? '');
  const [localityId, setLocalityId] = useState(initial.localityId ?? '');
  const [branchId, setBranchId] = useState(initial.branchId || (opts.branches.length === 1 ? opts.branches[0].id : ''));

  const customer = opts.customers.find((c) => c.id === customerId);
  const localities = opts.localities.filter((l) => l.provinceId === provinceId);
  const customerOptions = opts.customers.map((c) => ({ value: c.id, label: `${c.legalName} · ${DOCUMENT_TYPE_LABELS[c.documentType]} ${c.documentNumber}` }));

  // A newly chosen customer fills the billing address, place, branch and e-mail left blank.
  function chooseCustomer(id: string) {
    setCustomerId(id);
    const c = opts.customers.find((x) => x.id === id);
    if (!c) return;
    if (!billingAddress.trim() && c.address) setBillingAddress(c.address);
    if (!email.trim() && c.email) setEmail(c.email);
    if (!branchId && opts.branches.some((b) => b.id === c.branchId)) setBranchId(c.branchId);
    const loc = c.localityId ? opts.localities.find((l) => l.id === c.localityId) : undefined;
    if (!localityId && loc) {
      setProvinceId(loc.provinceId);
      setLocalityId(loc.id);
    }
  }

  return (
    <form action={formAction} key={formKey} className="grid max-w-4xl gap-6" noValidate>
      <FormErrorAlert message={formError} />

      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Acuerdo y cliente</legend>
        <FormField label="Nombre del acuerdo" htmlFor="name" required error={errors.name} className="md:col-span-2" description="Puede indicar la moneda de emisión, p. ej. «Suministro planta Herrera (USD)».">
          <Input name="name" defaultValue={v('name')} maxLength={200} {...fieldAria('name', errors.name, true)} />
        </FormField>
        <FormField
          label="Cliente"
          htmlFor="customerId"
          required
          error={errors.customerId}
          description={opts.customersTotal > opts.customers.length ? `Se listan los primeros ${opts.customers.length} de ${opts.customersTotal} clientes por nombre. Para otro cliente, abra el formulario desde su ficha («Nuevo acuerdo»).` : undefined}
        >
          <Combobox
            name="customerId"
            options={customerOptions}
            value={customerId}
            onValueChange={chooseCustomer}
            placeholder="Seleccione el cliente…"
            searchPlaceholder="Buscar por nombre o documento…"
            emptyText="Ningún cliente coincide."
            {...fieldAria('customerId', errors.customerId, opts.customersTotal > opts.customers.length)}
          />
        </FormField>
        <FormField label="Número de documento" htmlFor="customerDocument" description="Se toma del cliente.">
          <Input
            id="customerDocument"
            readOnly
            tabIndex={-1}
            value={customer ? `${DOCUMENT_TYPE_LABELS[customer.documentType]} ${formatDocument(customer.documentType, customer.documentNumber)}` : ''}
            placeholder="—"
            className="bg-muted"
            aria-describedby="customerDocument-description"
          />
        </FormField>
        <FormField
          label="Sucursal"
          htmlFor="branchId"
          required
          error={errors.branchId}
          description={branchLocked ? 'La sucursal no se cambia una vez creado el acuerdo.' : 'Define el punto de venta con que se emiten las facturas.'}
        >
          {branchLocked ? <input type="hidden" name="branchId" value={branchId} /> : null}
          <NativeSelect
            name={branchLocked ? undefined : 'branchId'}
            value={branchId}
            onChange={(e) => setBranchId(e.target.value)}
            disabled={branchLocked}
            placeholder="Seleccione…"
            {...fieldAria('branchId', errors.branchId, true)}
          >
            {opts.branches.map((b) => (
              <NativeSelectOption key={b.id} value={b.id}>
                {b.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label="Email" htmlFor="email" error={errors.email} description="Correo del contacto del cliente para este acuerdo.">
          <Input name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} {...fieldAria('email', errors.email, true)} />
        </FormField>
      </fieldset>

      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Domicilio</legend>
        <FormField label="Domicilio de facturación" htmlFor="billingAddress" required error={errors.billingAddress} className="md:col-span-2">
          <Input name="billingAddress" value={billingAddress} onChange={(e) => setBillingAddress(e.target.value)} maxLength={300} {...fieldAria('billingAddress', errors.billingAddress)} />
        </FormField>
        <FormField label="Provincia" htmlFor="provinceId" required>
          <NativeSelect
            id="provinceId"
            value={provinceId}
            onChange={(e) => {
              setProvinceId(e.target.value);
              setLocalityId('');
            }}
            placeholder="Seleccione…"
          >
            {opts.provinces.map((p) => (
              <NativeSelectOption key={p.id} value={p.id}>
                {p.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label="Localidad" htmlFor="localityId" required error={errors.localityId} description={provinceId ? undefined : 'Elija primero la provincia.'}>
          <NativeSelect name="localityId" value={localityId} onChange={(e) => setLocalityId(e.target.value)} disabled={!provinceId} placeholder="Seleccione…" {...fieldAria('localityId', errors.localityId, !provinceId)}>
            {localities.map((l) => (
              <NativeSelectOption key={l.id} value={l.id}>
                {l.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
      </fieldset>

      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Facturación</legend>
        <FormField label="Modalidad de facturación" htmlFor="billingMode" required error={errors.billingMode}>
          <NativeSelect name="billingMode" defaultValue={v('billingMode') || 'PER_AGREEMENT'} {...fieldAria('billingMode', errors.billingMode)}>
            {options(BILLING_MODE_LABELS)}
          </NativeSelect>
        </FormField>
        <FormField label="Oportunidad de facturación" htmlFor="billingOpportunity" required error={errors.billingOpportunity}>
          <NativeSelect name="billingOpportunity" defaultValue={v('billingOpportunity') || 'METERED'} {...fieldAria('billingOpportunity', errors.billingOpportunity)}>
            {options(BILLING_OPPORTUNITY_LABELS)}
          </NativeSelect>
        </FormField>
        <FormField label="Moneda de facturación" htmlFor="currency" required error={errors.currency}>
          <NativeSelect name="currency" defaultValue={v('currency') || 'DOP'} {...fieldAria('currency', errors.currency)}>
            {options(CURRENCY_LABELS)}
          </NativeSelect>
        </FormField>
        <FormField label="Agrupamiento de ítems imprimibles" htmlFor="itemGrouping" required error={errors.itemGrouping}>
          <NativeSelect name="itemGrouping" defaultValue={v('itemGrouping') || 'SIMPLE'} {...fieldAria('itemGrouping', errors.itemGrouping)}>
            {options(ITEM_GROUPING_LABELS)}
          </NativeSelect>
        </FormField>
        <FormField label="Frecuencia de facturación" htmlFor="billingFrequency" required error={errors.billingFrequency}>
          <NativeSelect name="billingFrequency" defaultValue={v('billingFrequency') || 'MONTHLY'} {...fieldAria('billingFrequency', errors.billingFrequency)}>
            {options(BILLING_FREQUENCY_LABELS)}
          </NativeSelect>
        </FormField>
        <FormField label="Mes de referencia" htmlFor="anchorMonth" required error={errors.anchorMonth} description="Primer mes del ciclo: una frecuencia bimestral desde enero factura en enero, marzo, mayo…">
          <NativeSelect name="anchorMonth" defaultValue={v('anchorMonth') || '1'} {...fieldAria('anchorMonth', errors.anchorMonth, true)}>
            {MONTH_NAMES_ES.map((m, i) => (
              <NativeSelectOption key={m} value={String(i + 1)}>
                {m[0].toUpperCase() + m.slice(1)}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label="Días de vencimiento" htmlFor="dueDays" required error={errors.dueDays} description="Días desde la emisión hasta el vencimiento de la factura.">
          <Input name="dueDays" type="number" min={0} max={365} inputMode="numeric" defaultValue={v('dueDays')} {...fieldAria('dueDays', errors.dueDays, true)} />
        </FormField>
        <FormField label="Días de gracia" htmlFor="graceDays" required error={errors.graceDays} description="Días posteriores al vencimiento para activar la morosidad.">
          <Input name="graceDays" type="number" min={0} max={365} inputMode="numeric" defaultValue={v('graceDays')} {...fieldAria('graceDays', errors.graceDays, true)} />
        </FormField>
      </fieldset>

      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Condiciones comerciales</legend>
        <FormField label="Descuento (%)" htmlFor="discountPct" error={errors.discountPct}>
          <Input name="discountPct" inputMode="decimal" defaultValue={v('discountPct')} placeholder="0" {...fieldAria('discountPct', errors.discountPct)} />
        </FormField>
        <FormField label="SLA (horas)" htmlFor="slaHours" error={errors.slaHours} description="Plazo de atención comprometido; vacío si no aplica.">
          <Input name="slaHours" type="number" min={1} max={8760} inputMode="numeric" defaultValue={v('slaHours')} {...fieldAria('slaHours', errors.slaHours, true)} />
        </FormField>
        <FormField label="Vigencia desde" htmlFor="validFrom" required error={errors.validFrom}>
          <Input name="validFrom" type="date" defaultValue={v('validFrom')} {...fieldAria('validFrom', errors.validFrom)} />
        </FormField>
        <FormField label="Vigencia hasta" htmlFor="validTo" error={errors.validTo} description="Vacío: sin fecha de fin.">
          <Input name="validTo" type="date" defaultValue={v('validTo')} {...fieldAria('validTo', errors.validTo, true)} />
        </FormField>
        <label className="flex items-center gap-2 text-sm md:col-span-2">
          <input type="checkbox" name="delinquencyExempt" defaultChecked={sent ? sent.delinquencyExempt === 'on' : !!initial.delinquencyExempt} className="size-4 accent-primary" />
          Exento de gestión de morosidad (no se suspende por deuda)
        </label>
      </fieldset>

      <DynamicAttributeFields definitions={opts.definitions} initial={initial.attributes} errors={errors} value={value} sent={sent} />

      <FormActions pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
