/** The screen's one h1, with an optional line under it. */
import type { ComponentChildren } from 'preact';

export function ScreenTitle({ title, subtitle }: { title: ComponentChildren; subtitle?: ComponentChildren }) {
  return (
    <div class="screen-title">
      <h1>{title}</h1>
      {subtitle && <p class="screen-subtitle">{subtitle}</p>}
    </div>
  );
}
