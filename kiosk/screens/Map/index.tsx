/** Placeholder until built: floor maps with places. */
export function MapScreen(_props: { floor?: string; place?: string }) {
  return <h1>楼层导览</h1>;
}
