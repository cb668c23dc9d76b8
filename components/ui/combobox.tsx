'use client';

import * as React from 'react';
import { Popover as PopoverPrimitive } from 'radix-ui';
import { CheckIcon, ChevronsUpDownIcon, SearchIcon } from 'lucide-react';

import { cn } from '@/lib/utils';

export type ComboboxOption = {
  value: string;
  label: string;
  disabled?: boolean;
};

type ComboboxProps = {
  options: ComboboxOption[];
  /** Valor controlado. Use junto con `onValueChange`. */
  value?: string;
  /** Valor inicial si el componente no es controlado. */
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  placeholder?: string;
  searchPlaceholder?: string;
  emptyText?: string;
  /** Si se indica, renderiza un `<input type="hidden">` con ese nombre para formularios. */
  name?: string;
  disabled?: boolean;
  required?: boolean;
  id?: string;
  className?: string;
  contentClassName?: string;
  /**
   * Popover modal (por defecto `true`, como Radix Select): bloquea el scroll exterior y
   * permite desplazar la lista aunque el combobox esté dentro de un Dialog o Sheet.
   */
  modal?: boolean;
  ref?: React.Ref<HTMLButtonElement>;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
  'aria-label'?: string;
};

/** Normaliza para buscar sin distinguir mayúsculas ni tildes. */
function normalize(text: string) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

function filterOptions(options: ComboboxOption[], query: string) {
  const terms = normalize(query).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return options;
  return options.filter((option) => {
    const haystack = normalize(`${option.label} ${option.value}`);
    return terms.every((term) => haystack.includes(term));
  });
}

function firstEnabled(options: ComboboxOption[], from = 0, step = 1) {
  for (let i = from; i >= 0 && i < options.length; i += step) {
    if (!options[i].disabled) return i;
  }
  return -1;
}

function Combobox({
  options,
  value: valueProp,
  defaultValue,
  onValueChange,
  placeholder = 'Seleccionar…',
  searchPlaceholder = 'Buscar…',
  emptyText = 'Sin resultados',
  name,
  disabled,
  required,
  id,
  className,
  contentClassName,
  modal = true,
  ref,
  'aria-invalid': ariaInvalid,
  'aria-describedby': ariaDescribedBy,
  'aria-label': ariaLabel,
}: ComboboxProps) {
  const [open, setOpen] = React.useState(false);
  const [query, setQuery] = React.useState('');
  const [activeIndex, setActiveIndex] = React.useState(-1);
  const [uncontrolledValue, setUncontrolledValue] = React.useState(defaultValue ?? '');
  const isControlled = valueProp !== undefined;
  const value = isControlled ? valueProp : uncontrolledValue;

  const listRef = React.useRef<HTMLUListElement>(null);
  const baseId = React.useId();
  const listboxId = `${baseId}-listbox`;
  const optionId = (index: number) => `${baseId}-option-${index}`;

  const selected = options.find((option) => option.value === value);
  const filtered = React.useMemo(() => filterOptions(options, query), [options, query]);

  function handleOpenChange(next: boolean) {
    if (next) {
      setQuery('');
      const selectedIndex = options.findIndex((option) => option.value === value);
      setActiveIndex(
        selectedIndex >= 0 && !options[selectedIndex].disabled
          ? selectedIndex
          : firstEnabled(options),
      );
    }
    setOpen(next);
  }

  function select(option: ComboboxOption) {
    if (option.disabled) return;
    if (!isControlled) setUncontrolledValue(option.value);
    onValueChange?.(option.value);
    setOpen(false);
  }

  function handleQueryChange(event: React.ChangeEvent<HTMLInputElement>) {
    const nextQuery = event.target.value;
    setQuery(nextQuery);
    setActiveIndex(firstEnabled(filterOptions(options, nextQuery)));
  }

  function moveActive(step: 1 | -1) {
    if (filtered.length === 0) return;
    let index = activeIndex;
    for (let tries = 0; tries < filtered.length; tries++) {
      index = (index + step + filtered.length) % filtered.length;
      if (!filtered[index].disabled) {
        setActiveIndex(index);
        return;
      }
    }
  }

  function handleSearchKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        moveActive(1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        moveActive(-1);
        break;
      case 'Home':
        if (event.ctrlKey || !query) {
          event.preventDefault();
          setActiveIndex(firstEnabled(filtered));
        }
        break;
      case 'End':
        if (event.ctrlKey || !query) {
          event.preventDefault();
          setActiveIndex(firstEnabled(filtered, filtered.length - 1, -1));
        }
        break;
      case 'Enter': {
        // Nunca enviar el formulario desde el buscador.
        event.preventDefault();
        const option = filtered[activeIndex];
        if (option) select(option);
        break;
      }
      case 'Tab':
        setOpen(false);
        break;
    }
  }

  function handleTriggerKeyDown(event: React.KeyboardEvent<HTMLButtonElement>) {
    if (!open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      handleOpenChange(true);
    }
  }

  // Mantener visible la opción activa al navegar con el teclado.
  React.useEffect(() => {
    if (!open || activeIndex < 0) return;
    const element = listRef.current?.querySelector<HTMLElement>(
      `[data-index="${activeIndex}"]`,
    );
    element?.scrollIntoView({ block: 'nearest' });
  }, [open, activeIndex]);

  const activeOption = activeIndex >= 0 ? filtered[activeIndex] : undefined;

  return (
    <PopoverPrimitive.Root open={open} onOpenChange={handleOpenChange} modal={modal}>
      <PopoverPrimitive.Trigger asChild disabled={disabled}>
        <button
          ref={ref}
          id={id}
          type="button"
          role="combobox"
          data-slot="combobox-trigger"
          aria-expanded={open}
          aria-controls={open ? listboxId : undefined}
          aria-haspopup="listbox"
          aria-invalid={ariaInvalid}
          aria-describedby={ariaDescribedBy}
          aria-label={ariaLabel}
          aria-required={required || undefined}
          data-placeholder={selected ? undefined : ''}
          onKeyDown={handleTriggerKeyDown}
          className={cn(
            "flex h-9 w-full min-w-0 items-center justify-between gap-2 rounded-md border border-input bg-transparent px-3 py-2 text-left text-base shadow-xs transition-[color,box-shadow] outline-none md:text-sm dark:bg-input/30 dark:hover:bg-input/50",
            'focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50',
            'aria-invalid:border-destructive aria-invalid:ring-destructive/20 dark:aria-invalid:ring-destructive/40',
            "disabled:cursor-not-allowed disabled:opacity-50 data-[placeholder]:text-muted-foreground [&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4",
            className,
          )}
        >
          <span data-slot="combobox-value" className="truncate">
            {selected ? selected.label : placeholder}
          </span>
          <ChevronsUpDownIcon className="text-muted-foreground opacity-70" aria-hidden="true" />
        </button>
      </PopoverPrimitive.Trigger>
      {name !== undefined && (
        <input type="hidden" name={name} value={value} disabled={disabled} />
      )}
      <PopoverPrimitive.Portal>
        <PopoverPrimitive.Content
          data-slot="combobox-content"
          align="start"
          sideOffset={4}
          className={cn(
            'z-50 w-(--radix-popover-trigger-width) min-w-[12rem] origin-(--radix-popover-content-transform-origin) overflow-hidden rounded-md border bg-popover p-0 text-popover-foreground shadow-md outline-hidden',
            contentClassName,
          )}
        >
          <div data-slot="combobox-search" className="flex h-9 items-center gap-2 border-b px-3">
            <SearchIcon className="size-4 shrink-0 opacity-50" aria-hidden="true" />
            <input
              type="text"
              role="combobox"
              aria-expanded="true"
              aria-controls={listboxId}
              aria-autocomplete="list"
              aria-activedescendant={activeOption ? optionId(activeIndex) : undefined}
              aria-label={searchPlaceholder}
              autoComplete="off"
              autoCorrect="off"
              spellCheck={false}
              value={query}
              onChange={handleQueryChange}
              onKeyDown={handleSearchKeyDown}
              placeholder={searchPlaceholder}
              className="flex h-9 w-full bg-transparent py-3 text-sm outline-hidden placeholder:text-muted-foreground"
            />
          </div>
          <ul
            ref={listRef}
            id={listboxId}
            role="listbox"
            data-slot="combobox-list"
            aria-label={ariaLabel ?? placeholder}
            className="max-h-[min(18rem,var(--radix-popover-content-available-height))] scroll-py-1 overflow-y-auto p-1"
          >
            {filtered.length === 0 ? (
              <li
                role="presentation"
                data-slot="combobox-empty"
                className="py-6 text-center text-sm text-muted-foreground"
              >
                {emptyText}
              </li>
            ) : (
              filtered.map((option, index) => {
                const isSelected = option.value === value;
                const isActive = index === activeIndex;
                return (
                  <li
                    key={option.value}
                    id={optionId(index)}
                    role="option"
                    data-slot="combobox-item"
                    data-index={index}
                    aria-selected={isSelected}
                    aria-disabled={option.disabled || undefined}
                    data-active={isActive || undefined}
                    data-disabled={option.disabled || undefined}
                    onMouseMove={() => {
                      if (!option.disabled && !isActive) setActiveIndex(index);
                    }}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => select(option)}
                    className="relative flex cursor-default items-center gap-2 rounded-sm py-1.5 pr-8 pl-2 text-sm select-none data-[active]:bg-accent data-[active]:text-accent-foreground data-[disabled]:pointer-events-none data-[disabled]:opacity-50"
                  >
                    <span className="truncate">{option.label}</span>
                    {isSelected && (
                      <CheckIcon className="absolute right-2 size-4" aria-hidden="true" />
                    )}
                  </li>
                );
              })
            )}
          </ul>
        </PopoverPrimitive.Content>
      </PopoverPrimitive.Portal>
    </PopoverPrimitive.Root>
  );
}

export { Combobox };
