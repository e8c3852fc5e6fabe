// Placeholder until its lane lands (issue 15).
export default function Summary() {
  return <p>Summary</p>;
}
