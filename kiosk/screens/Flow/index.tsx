/** Placeholder until built: a service's procedure as a flowchart or a list. */
export function FlowScreen(_props: { id: string; view?: 'chart' | 'list' }) {
  return <h1>办理流程</h1>;
}
