/** The "still there?" countdown before a visit is wiped (placeholder until it lands). */
export function StillThere() {
  return null;
}
