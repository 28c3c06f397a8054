/** Placeholder until built: the department tree and a department's page. */
export function Directory() {
  return <h1>部门导航</h1>;
}
export function DepartmentPage(_props: { id: string }) {
  return <h1>部门</h1>;
}
