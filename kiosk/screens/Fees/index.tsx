/** Placeholder until built: the fee schedule. */
export function Fees(_props: { fee?: string }) {
  return <h1>收费标准</h1>;
}
