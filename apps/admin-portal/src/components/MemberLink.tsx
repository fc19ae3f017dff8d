import type { MouseEvent } from 'react';
import { Link } from 'react-admin';
import { useRecordContext } from 'react-admin';

/** A person's id, linked to their member page (without one request per row for the name). */
export function MemberLink({ source }: { source: string; label?: string }) {
  const record = useRecordContext<Record<string, unknown>>();
  const id = record?.[source];
  if (typeof id !== 'string') return <span>—</span>;
  return (
    <Link
      to={`/members/${id}/show`}
      onClick={(event: MouseEvent) => event.stopPropagation()}
      title={id}
      sx={{ fontFamily: 'monospace' }}
    >
      {id.slice(0, 8)}
    </Link>
  );
}
