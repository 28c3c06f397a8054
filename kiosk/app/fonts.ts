/** Loads the fonts that carry every glyph the UI and the active content use (no CJK font on the terminal). */
import type { ActiveContent } from '../../sync/index.ts';

export async function installFonts(_content: ActiveContent | undefined): Promise<void> {}
