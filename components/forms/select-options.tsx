import { NativeSelectOption } from '@/components/ui/native-select';

/** One option per entry of a labels record, in the record's order. */
export function LabelledOptions({ labels }: { labels: Record<string, string> }) {
  return Object.entries(labels).map(([value, label]) => (
    <NativeSelectOption key={value} value={value}>
      {label}
    </NativeSelectOption>
  ));
}

/** One option per { value, label } entry. */
export function ValueOptions({ options }: { options: readonly { value: string; label: string }[] }) {
  return options.map((o) => (
    <NativeSelectOption key={o.value} value={o.value}>
      {o.label}
    </NativeSelectOption>
  ));
}
