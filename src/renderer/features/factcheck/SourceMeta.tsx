// A source's details on one line; each item isolated so a date or a Latin name keeps its own direction.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceSummary } from '../../../core/factcheck/model';

export function SourceMeta({ source, withUrl = false }: { source: SourceSummary; withUrl?: boolean }) {
  const { t } = useTranslation();
  const items = [
    source.publisher,
    source.publishedAt,
    t(`factcheck.sources.kind.${source.kind}`),
    source.language,
    withUrl ? source.url : null,
  ].filter((x): x is string => !!x);
  return (
    <span className="muted fc-source-meta">
      {items.map((x, i) => (
        <Fragment key={i}>
          {i > 0 && ' · '}
          <bdi className={x === source.url ? 'fc-url' : undefined}>{x}</bdi>
        </Fragment>
      ))}
    </span>
  );
}
