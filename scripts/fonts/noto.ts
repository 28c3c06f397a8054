/**
 * The one font the kiosk ships, in subsets: Noto Sans SC (SIL Open Font License 1.1), from the
 * devDependency @expo-google-fonts/noto-sans-sc. See docs/fonts.md.
 */
import { fileURLToPath } from 'node:url';

const PACKAGE = new URL('../../node_modules/@expo-google-fonts/noto-sans-sc/', import.meta.url);

export type Weight = 400 | 700;
export const WEIGHTS: readonly Weight[] = [400, 700];

/** The full TrueType file of each weight (about 10 MB each: never shipped whole). */
export const SOURCE_FONTS: Record<Weight, string> = {
  400: fileURLToPath(new URL('400Regular/NotoSansSC_400Regular.ttf', PACKAGE)),
  700: fileURLToPath(new URL('700Bold/NotoSansSC_700Bold.ttf', PACKAGE)),
};

/** The font's copyright notice and the full OFL 1.1 text: it must travel with every copy of the font. */
export const LICENSE_FILE = fileURLToPath(new URL('LICENSE_FONT', PACKAGE));

/** The UI font's family name in CSS (the content font's is in content/bundle-format.ts). */
export const UI_FAMILY = 'Sunlight UI';
