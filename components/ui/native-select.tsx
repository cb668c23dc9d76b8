import * as React from 'react';
import { ChevronDownIcon } from 'lucide-react';

import { cn } from '@/lib/utils';

/**
 * `<select>` nativo con el mismo estilo que `Input`. Funciona sin JavaScript y
 * envía su valor en `FormData`, ideal para formularios con server actions.
 *
 * Para una opción vacía inicial pase `placeholder`: se renderiza como
 * `<option value="">`; con `required`, el navegador exige elegir otra opción.
 */
function NativeSelect({
  className,
  children,
  placeholder,
  size = 'default',
  wrapperClassName,
  ...props
}: Omit<React.ComponentProps<'select'>, 'size'> & {
  placeholder?: string;
  size?: 'sm' | 'default';
  /** Width and layout of the wrapper (the select itself always fills it). */
  wrapperClassName?: string;
}) {
  return (
    <div
      data-slot="native-select-wrapper"
      className={cn('relative w-full', props.disabled && 'opacity-50', wrapperClassName)}
    >
      <select
        data-slot="native-select"
        data-size={size}
        className={cn(
          'w-full min-w-0 appearance-none rounded-md border border-input bg-transparent py-1 pr-9 pl-3 text-base shadow-xs transition-[color,box-shadow] outline-none disabled:pointer-events-none disabled:cursor-not-allowed data-[size=default]:h-9 data-[size=sm]:h-8 md:text-sm dark:bg-input/30 dark:hover:bg-input/50',
          'focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50',
          'aria-invalid:border-destructive aria-invalid:ring-destructive/20 dark:aria-invalid:ring-destructive/40',
          '[&>option]:bg-popover [&>option]:text-popover-foreground',
          className,
        )}
        {...props}
      >
        {placeholder !== undefined && (
<option value="">{placeholder}</option>
        )}
        {children}
      </select>
      <ChevronDownIcon
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground opacity-70 select-none"
      />
    </div>
  );
}

function NativeSelectOption({ ...props }: React.ComponentProps<'option'>) {
  return <option data-slot="native-select-option" {...props} />;
}

function NativeSelectOptGroup({ ...props }: React.ComponentProps<'optgroup'>) {
  return <optgroup data-slot="native-select-optgroup" {...props} />;
}

export { NativeSelect, NativeSelectOption, NativeSelectOptGroup };
