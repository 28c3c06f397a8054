/** The panel's fact on read aloud: a visitor never sees that it is missing (the toggle hides), so staff do. */
import type { TFunction } from 'i18next';
import { useApp } from '../app/context.ts';
import { Fact } from './PanelFacts.tsx';
import { localesWithoutVoice } from './speech-voices.ts';

export function SpeechFact({ t }: { t: TFunction }) {
  const { access, view } = useApp();
  // Reading the signal re-renders the fact when Chromium's voices arrive after load.
  void access.speech.voices.value;
  const locales = view.content.value.manifest.locales;
  const missing = localesWithoutVoice(locales, access.speech.canSpeak);
  return (
    <Fact label={t('field.speech')} problem={missing.length > 0}>
      {missing.length === 0
        ? t('value.speechOk', { locales: locales.join(', ') })
        : t('value.speechMissing', { locales: missing.join(', ') })}
    </Fact>
  );
}
