import Link from 'next/link';
import { AddButton } from '@/components/add-button';
import { SuccessAlert } from '@/components/forms/alerts';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { EmptyState, type EmptyStateProps } from '@/components/ui/empty-state';

type CatalogListProps = {
  title: string;
  /** The last breadcrumb, when shorter than the title. */
  crumb?: string;
  description: React.ReactNode;
  /** The page that creates a row: the header's add button and the empty state's action. */
  add: { href: string; label: string };
  /** Header buttons shown before the add button. */
  actions?: React.ReactNode;
  /** The text of the banner after a create or an update; nothing when empty. */
  saved?: React.ReactNode;
  filters?: React.ReactNode;
  isEmpty: boolean;
  emptyState: Pick<EmptyStateProps, 'icon' | 'title' | 'description' | 'action'>;
  /** The table, shown inside the bordered frame when there are rows. */
  children: React.ReactNode;
};

/** The skeleton of an admin catalog list: header, saved banner, filters, then the table or the empty state. */
export function CatalogList({ title, crumb = title, description, add, actions, saved, filters, isEmpty, emptyState, children }: CatalogListProps) {
  return (
    <>
      <PageHeader
        title={title}
        crumbs={[{ label: 'Administración', href: '/admin' }, { label: crumb }]}
        description={description}
        actions={
          <>
            {actions}
            <AddButton href={add.href}>{add.label}</AddButton>
          </>
        }
      />
      {saved ? <SuccessAlert className="mb-4">{saved}</SuccessAlert> : null}
      {filters}
      {isEmpty ? (
        <EmptyState
          action={
            <Button asChild>
              <Link href={add.href}>{add.label}</Link>
            </Button>
          }
          {...emptyState}
        />
      ) : (
        <div className="rounded-md border">{children}</div>
      )}
    </>
  );
}
