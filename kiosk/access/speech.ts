/** Read aloud through the Web Speech API: whether a voice speaks the visitor's language, speaking, stopping; silent where the API is missing. */
import { type ReadonlySignal, signal } from '@preact/signals';

export type SpeechOutput = {
  /** True when an installed voice speaks this language; re-evaluates when voices arrive. */
  canSpeak(locale: string): boolean;
  /** Speaks the pieces in order, in this language, replacing whatever was being said. */
  speak(pieces: string[], locale: string): void;
  stop(): void;
  voices: ReadonlySignal<readonly SpeechSynthesisVoice[]>;
};

/** Voices that name a language by its ISO 639-3 code: espeak-ng (Debian's voices) calls Mandarin "cmn". */
const MACRO_LANGUAGE: Record<string, string> = { cmn: 'zh' };

/** "zh-CN" matches a "zh_CN", "zh-Hans-CN" or "cmn" voice: the primary language decides. */
export function sameLanguage(voiceLang: string, locale: string): boolean {
  const primary = (tag: string) => {
    const p = tag.replace('_', '-').split('-')[0]!.toLowerCase();
    return MACRO_LANGUAGE[p] ?? p;
  };
  return primary(voiceLang) === primary(locale);
}

export function createSpeech(synth: SpeechSynthesis | undefined = globalThis.speechSynthesis): SpeechOutput {
  const voices = signal<readonly SpeechSynthesisVoice[]>([]);
  // Any failure of the API means "no voice": the control hides, nothing breaks.
  const load = () => {
    try {
      voices.value = synth?.getVoices() ?? [];
    } catch {
      voices.value = [];
    }
  };
  load();
  try {
    // Chromium fills the list later and says so with this event.
    synth?.addEventListener('voiceschanged', load);
  } catch {
    /* an API without events keeps the first list */
  }
  const voiceFor = (locale: string) => voices.value.find((v) => sameLanguage(v.lang, locale));
  const stop = () => {
    try {
      synth?.cancel();
    } catch {
      /* nothing was speaking */
    }
  };
  return {
    voices,
    canSpeak: (locale) => voiceFor(locale) !== undefined,
    stop,
    speak(pieces, locale) {
      stop();
      const voice = voiceFor(locale);
      if (!synth || !voice || typeof SpeechSynthesisUtterance === 'undefined') return;
      try {
        // One utterance per piece: some engines cut off a single long utterance.
        for (const piece of pieces) {
          const u = new SpeechSynthesisUtterance(piece);
          u.lang = locale;
          // Only a real voice object may be set; with none the engine picks one for the language.
          if (typeof SpeechSynthesisVoice !== 'undefined' && voice instanceof SpeechSynthesisVoice)
            u.voice = voice;
          synth.speak(u);
        }
      } catch {
        // A speech engine that fails mid-way must not take the screen with it: it just stops.
        stop();
      }
    },
  };
}
