// Placeholder until its lane lands (issue 15).
export default function Send() {
  return <p>Send</p>;
}
