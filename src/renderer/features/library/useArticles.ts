// Loads the library (or the trash) from the store and reloads it when asked; failures are shown, not hidden.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../../core/ipc/contract';
import { call } from '../../bridge';
import { errorDetails } from '../shell/errorText';

export type ArticlesState = {
  items: ArticleSummary[] | null;
  error: string | null;
  reload: () => void;
};

export function useArticles(trash: boolean, version: number): ArticlesState {
  const { t } = useTranslation();
  const [items, setItems] = useState<ArticleSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    call('library:list', { trash })
      .then((list) => {
        if (!live) return;
        setItems(list);
        setError(null);
      })
      .catch((e: unknown) => {
        if (live) setError(errorDetails(t, e));
      });
    return () => {
      live = false;
    };
  }, [trash, version, tick, t]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { items, error, reload };
}
