// Placeholder until its lane lands (issue 15).
export default function Inbox() {
  return <p>Inbox</p>;
}
