import Link from 'next/link';
import { Plus } from 'lucide-react';
import { Button } from '@/components/ui/button';

/** A link styled as a button with a plus sign, to the page that creates something. */
export function AddButton({ href, children, ...props }: { href: string; children: React.ReactNode } & Pick<React.ComponentProps<typeof Button>, 'size' | 'variant'>) {
  return (
    <Button {...props} asChild>
      <Link href={href}>
        <Plus /> {children}
      </Link>
    </Button>
  );
}
