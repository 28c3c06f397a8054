/** The dock's accessibility button (placeholder until the modes land). */
export function AccessButton() {
  return null;
}
