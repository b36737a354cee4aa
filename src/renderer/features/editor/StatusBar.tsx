// The editor's status bar: word and character counts and whether the text is saved. Reads two small
// stores, so only this bar re-renders while the author types.
import { useTranslation } from 'react-i18next';
import type { SaveState } from '../revisions/saveCoalescer';
import { useValue, type ValueStore } from '../shell/valueStore';
import { errorDetails } from '../shell/errorText';
import { useStats, type StatsStore } from './editorStats';

type Props = { stats: StatsStore; save: ValueStore<SaveState> };

export function StatusBar({ stats, save }: Props) {
  const { t } = useTranslation();
  const { words, chars } = useStats(stats);
  const state = useValue(save);
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span data-testid="word-count">{t('statusbar.words', { count: words })}</span>
      <span data-testid="char-count">{t('statusbar.chars', { count: chars })}</span>
      <span
        className={`save-state save-${state.kind}`}
        data-testid="save-state"
        data-state={state.kind}
        role={state.kind === 'error' ? 'alert' : undefined}
      >
        {state.kind === 'error'
          ? t('statusbar.error', { message: errorDetails(t, state.error) })
          : t(`statusbar.${state.kind}`)}
      </span>
    </footer>
  );
}
