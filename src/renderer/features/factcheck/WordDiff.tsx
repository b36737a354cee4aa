// The word diff between a quote and its source passage, read right to left: words only in the article are
// inserted (ins), words only in the source are deleted (del).
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiffOp } from '../../../core/quotes';

export function WordDiff({ diff }: { diff: readonly DiffOp[] }) {
  const { t } = useTranslation();
  return (
    <div className="fc-diff-box">
      <p className="fc-diff" dir="rtl" lang="ar" data-testid="word-diff">
        {diff.map((d, i) => (
          <Fragment key={i}>
            {i > 0 && ' '}
            {d.op === 'equal' && <span>{d.text}</span>}
            {d.op === 'insert' && <ins title={t('factcheck.diff.insert')}>{d.text}</ins>}
            {d.op === 'delete' && <del title={t('factcheck.diff.delete')}>{d.text}</del>}
          </Fragment>
        ))}
      </p>
      <p className="fc-legend muted">
        <ins>{t('factcheck.diff.insertShort')}</ins> <del>{t('factcheck.diff.deleteShort')}</del>
      </p>
    </div>
  );
}
