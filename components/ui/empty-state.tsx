import * as React from 'react';
import type { LucideIcon } from 'lucide-react';

import { cn } from '@/lib/utils';

type EmptyStateProps = Omit<React.ComponentProps<'div'>, 'title'> & {
  icon?: LucideIcon;
  title: string;
  description?: React.ReactNode;
  action?: React.ReactNode;
};

function EmptyState({
  icon: Icon,
  title,
  description,
  action,
  className,
  ...props
}: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      className={cn(
        'flex min-h-48 flex-col items-center justify-center gap-3 rounded-lg border border-dashed p-8 text-center',
        className,
      )}
      {...props}
    >
      {Icon && (
        <div
          data-slot="empty-state-icon"
          className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground"
        >
          <Icon className="size-6" aria-hidden="true" />
        </div>
      )}
      <div className="flex max-w-md flex-col gap-1">
        <h3 data-slot="empty-state-title" className="text-base font-semibold">
          {title}
        </h3>
        {description && (
          <div data-slot="empty-state-description" className="text-sm text-muted-foreground">
            {description}
          </div>
        )}
      </div>
      {action && (
        <div data-slot="empty-state-action" className="mt-2 flex flex-wrap justify-center gap-2">
          {action}
        </div>
      )}
    </div>
  );
}

export { EmptyState };
export type { EmptyStateProps };
