// Placeholder until its lane lands (issue 15).
export default function BriefingPage({ id }: { id: string }) {
  return <p>{id}</p>;
}
