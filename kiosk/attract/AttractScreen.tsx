/** The attract playlist between visitors (placeholder until the playlist lands). */
export function AttractScreen() {
  return <div class="attract" />;
}
