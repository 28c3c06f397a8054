/** The staff panel, opened by a hidden gesture and a PIN (placeholder until it lands). */
export function StaffLayer() {
  return null;
}
