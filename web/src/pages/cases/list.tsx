// Placeholder until its lane lands (issue 15).
import type { Session } from '../../auth/session';

export default function Cases({ session }: { session: Session }) {
  return <p>{session.role}</p>;
}
