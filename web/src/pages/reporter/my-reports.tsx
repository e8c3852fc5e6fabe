// Placeholder until its lane lands (issue 15).
export default function MyReports() {
  return <p>MyReports</p>;
}
