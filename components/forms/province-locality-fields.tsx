'use client';

import { useState } from 'react';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';

type Place = { id: string; name: string };

/** Provincia and Localidad selects: the localities follow the chosen province. */
export function ProvinceLocalityFields({
  provinces,
  localities,
  initialProvinceId,
  defaultLocalityId,
  error,
  required,
}: {
  provinces: Place[];
  localities: (Place & { provinceId: string })[];
  initialProvinceId: string;
  defaultLocalityId: string;
  error?: string[];
  required?: boolean;
}) {
  const [provinceId, setProvinceId] = useState(initialProvinceId);
  const inProvince = localities.filter((l) => l.provinceId === provinceId);
  return (
    <>
      <FormField label="Provincia" htmlFor="provinceId" required={required}>
        <NativeSelect id="provinceId" name="provinceId" value={provinceId} onChange={(e) => setProvinceId(e.target.value)} placeholder="Seleccione…">
          {provinces.map((p) => (
            <NativeSelectOption key={p.id} value={p.id}>
              {p.name}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </FormField>
      <FormField label="Localidad" htmlFor="localityId" required={required} error={error} description={provinceId ? undefined : 'Elija primero la provincia.'}>
        <NativeSelect name="localityId" defaultValue={defaultLocalityId} disabled={!provinceId} placeholder="Seleccione…" {...fieldAria('localityId', error, !provinceId)}>
          {inProvince.map((l) => (
            <NativeSelectOption key={l.id} value={l.id}>
              {l.name}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </FormField>
    </>
  );
}
