// Placeholder until its lane lands (issue 15).
import type { Session } from '../auth/session';

export default function ReportPage({ id }: { id: string; session: Session }) {
  return <p>{id}</p>;
}
