// The article's workflow status as a coloured label (the same look as the library's status column).
import { useTranslation } from 'react-i18next';
import type { ArticleStatus } from '../../../core/article/model';

export function StatusBadge({ status, testId }: { status: ArticleStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`status status-${status}`} data-testid={testId} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
