import { Link } from 'react-router-dom';
import { shortId } from './reportData';

/** A deal of a report, linked to its page under its short id (the full id on hover); "—" without. */
export function DealLink({ id }: { id: string | null | undefined }) {
  if (!id) return <>—</>;
  return (
    <Link to={`/deals/${id}`} title={id}>
      {shortId(id)}
    </Link>
  );
}

/** A counterparty of a report, linked to its page under its name (else its short id); "—" without. */
export function CounterpartyLink({ id, name }: { id: string | null | undefined; name: string | null | undefined }) {
  if (!id) return <>—</>;
  return <Link to={`/counterparties/${id}`}>{name ?? shortId(id)}</Link>;
}
