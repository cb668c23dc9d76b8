import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';

/** The "Sucursal" filter of a list; nothing for a user who sees a single branch. */
export function BranchFilter({ branches, value }: { branches: { id: string; name: string }[]; value?: string }) {
  if (branches.length <= 1) return null;
  return (
    <NativeSelect name="branchId" defaultValue={value ?? ''} aria-label="Sucursal" wrapperClassName="w-52">
      <NativeSelectOption value="">Todas las sucursales</NativeSelectOption>
      {branches.map((b) => (
        <NativeSelectOption key={b.id} value={b.id}>
          {b.name}
        </NativeSelectOption>
      ))}
    </NativeSelect>
  );
}
