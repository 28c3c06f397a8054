/**
 * Loads the fonts that carry every glyph the active content uses (no CJK font on the terminal): the bundle's
 * `Sunlight Content` subsets, regular and bold, installed with the FontFace API from their stored bytes (no
 * network, no URL). A new content version brings its own subsets; they replace the previous ones only once
 * loaded, in one step, so text never shows in a fallback font in between. The UI font comes from the build.
 */
import { CONTENT_FONT_FAMILY, CONTENT_FONTS } from '../../content/bundle-format.ts';
import type { ActiveContent } from '../../sync/index.ts';

type FontSet = Pick<FontFaceSet, 'add' | 'delete'>;
type MakeFace = (family: string, data: ArrayBuffer, descriptors: FontFaceDescriptors) => FontFace;
type Media = Pick<ActiveContent, 'media' | 'manifest'>;

/** An installer bound to a font set; `installFonts` below is the page's. Calls may overlap: the last one wins. */
export function fontInstaller(fonts: FontSet, makeFace: MakeFace, log: (message: string) => void) {
  let installed: FontFace[] = [];
  let installedKey = '';
  let latest = 0;
  return async function install(content: Media | undefined): Promise<void> {
    const call = ++latest;
    if (!content) return;
    const files = CONTENT_FONTS.map((f) => ({
      ...f,
      blob: content.media.get(f.path),
      hash: content.manifest.media.find((m) => m.path === f.path)?.hash,
    }));
    // The same files as now (the same version read again, or a version whose text did not change): nothing to do.
    const key = files.map((f) => f.hash ?? '-').join(',');
    if (key === installedKey) return;
    const loaded = await Promise.all(
      files.map(async (f) => {
        if (!f.blob) return undefined;
        try {
          const face = makeFace(CONTENT_FONT_FAMILY, await f.blob.arrayBuffer(), {
            weight: String(f.weight),
            style: 'normal',
          });
          return await face.load();
        } catch (e) {
          log(`content font ${f.path} could not be loaded: ${String(e)}`);
          return undefined;
        }
      }),
    );
    if (call !== latest) return; // a newer version arrived while these loaded: it installs its own
    const faces = loaded.filter((f): f is FontFace => f !== undefined);
    if (faces.length === 0 && files.some((f) => f.blob)) return; // keep what works rather than nothing
    for (const face of installed) fonts.delete(face);
    for (const face of faces) fonts.add(face);
    installed = faces;
    installedKey = key;
  };
}

let pageInstaller: ReturnType<typeof fontInstaller> | undefined;

export function installFonts(content: ActiveContent | undefined): Promise<void> {
  pageInstaller ??= fontInstaller(
    document.fonts,
    (family, data, descriptors) => new FontFace(family, data, descriptors),
    (message) => console.error(message),
  );
  return pageInstaller(content);
}
