import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';

/** A titled section of a detail page; `action` (usually an add button) sits at the end of the header. */
export function SectionCard({
  id,
  title,
  description,
  action,
  contentClassName,
  children,
}: {
  id?: string;
  title: React.ReactNode;
  description: React.ReactNode;
  action?: React.ReactNode;
  contentClassName?: string;
  children: React.ReactNode;
}) {
  return (
    <Card id={id}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
        {action ? <CardAction>{action}</CardAction> : null}
      </CardHeader>
      <CardContent className={contentClassName}>{children}</CardContent>
    </Card>
  );
}
