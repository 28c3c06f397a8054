/** The on-screen keyboard: large keys in QWERTY rows with digits, delete, clear and space; never the system keyboard. */
import { useT } from '../../app/context.ts';
import { StrokeIcon } from '../../ui/Icon.tsx';
import { KEY_ROWS, type Key } from './keys.ts';

/** A left-pointing key with a cross: the usual delete sign, drawn (the ⌫ character is not in the shipped font). */
const DELETE_ICON = 'M9 5h11v14H9l-6-7z M12 9.5l5 5 M17 9.5l-5 5';

export function Keyboard({ onKey }: { onKey: (key: Key) => void }) {
  const t = useT('search');
  const label = (key: Key) => {
    switch (key.type) {
      case 'char':
        return key.char.toUpperCase();
      case 'space':
        return t('space');
      case 'backspace':
        return (
          <>
            <StrokeIcon d={DELETE_ICON} size={36} />
            {t('backspace')}
          </>
        );
      case 'clear':
        return t('clear');
    }
  };
  return (
    <fieldset class="keyboard">
      <legend class="visually-hidden">{t('keyboard')}</legend>
      {KEY_ROWS.map((row) => (
        <div class="keyboard-row" key={row.map((k) => (k.type === 'char' ? k.char : k.type)).join('')}>
          {row.map((key) => (
            <button
              type="button"
              key={key.type === 'char' ? key.char : key.type}
              class={`key key-${key.type}`}
              onClick={() => onKey(key)}
            >
              {label(key)}
            </button>
          ))}
        </div>
      ))}
    </fieldset>
  );
}
