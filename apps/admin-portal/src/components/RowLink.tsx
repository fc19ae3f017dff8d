import type { MouseEvent, ReactNode } from 'react';
import { Link, useCreatePath, useRecordContext, useResourceContext } from 'react-admin';

interface Props {
  /** The row's page; false renders the content without a link. */
  to: 'show' | 'edit' | false;
  children: ReactNode;
  /** Read by the Datagrid for the column header. */
  source?: string;
  label?: string;
  sortable?: boolean;
}

/**
 * A cell linking to its row's page: a row click is mouse-only, a link is reached by Tab (and
 * gives a table that scrolls sideways something to focus).
 */
export function RowLink({ to, children }: Props) {
  const record = useRecordContext();
  const resource = useResourceContext();
  const createPath = useCreatePath();
  if (!to || !record || !resource) return <>{children}</>;
  return (
    <Link
      to={createPath({ resource, id: record.id, type: to })}
      onClick={(event: MouseEvent) => event.stopPropagation()}
    >
      {children}
    </Link>
  );
}
