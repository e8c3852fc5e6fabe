// Placeholder until its lane lands (issue 15).
import type { Session } from '../../auth/session';

export default function CasePage({ id }: { id: string; session: Session }) {
  return <p>{id}</p>;
}
