import { attributeFieldName } from '@/components/forms/dynamic-attribute-fields';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import type { AttributeDefinition } from '@/lib/domain/dynamic-attributes';
import type { AttributeFilter } from '@/lib/validation/agreement';

/** One list filter control per dynamic attribute (GET form fields `attr.<key>`). */
export function AttributeFilterControls({ definitions, current }: { definitions: AttributeDefinition[]; current: AttributeFilter[] }) {
  const valueOf = (key: string) => current.find((a) => a.key === key)?.value ?? '';
  return definitions.map((def) => {
    const name = attributeFieldName(def.key);
    if (def.type === 'CHOICE' || def.type === 'BOOLEAN') {
      const choices = def.type === 'BOOLEAN' ? [{ value: 'true', label: 'Sí' }, { value: 'false', label: 'No' }] : (def.options ?? []).map((o) => ({ value: o, label: o }));
      return (
        <NativeSelect key={def.key} name={name} defaultValue={valueOf(def.key)} aria-label={def.label} wrapperClassName="w-48">
          <NativeSelectOption value="">{def.label}: todos</NativeSelectOption>
          {choices.map((c) => (
            <NativeSelectOption key={c.value} value={c.value}>
              {def.label}: {c.label}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      );
    }
    return (
      <Input
        key={def.key}
        name={name}
        type={def.type === 'DATE' ? 'date' : 'text'}
        inputMode={def.type === 'NUMBER' ? 'decimal' : undefined}
        defaultValue={valueOf(def.key)}
        placeholder={def.label}
        aria-label={def.label}
        title={def.type === 'TEXT' ? `${def.label} (contiene)` : def.label}
        className="w-44"
      />
    );
  });
}
