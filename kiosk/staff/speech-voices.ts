/** Which of the hall's languages this terminal cannot read aloud in: read aloud hides itself there, so staff must know. */

/** The hall's locales with no voice, in the hall's order. */
export function localesWithoutVoice(
  locales: readonly string[],
  canSpeak: (locale: string) => boolean,
): string[] {
  return locales.filter((l) => !canSpeak(l));
}
