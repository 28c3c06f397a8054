/** Placeholder until built: complaint and supervision channels, and the service commitments. */
export function Complaints() {
  return <h1>投诉监督</h1>;
}
