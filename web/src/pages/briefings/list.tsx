// Placeholder until its lane lands (issue 15).
export default function Briefings() {
  return <p>Briefings</p>;
}
