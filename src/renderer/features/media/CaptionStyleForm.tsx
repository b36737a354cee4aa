// The desk's house style for captions: how credits are written, agency names in Arabic or Latin script, the
// date format and month names, the caption length limit and whether alt text is required.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptionStyle } from '../../../core/captions/style';
import { call } from '../../bridge';
import { errorDetails } from '../shell/errorText';

type Props = { onChanged: (style: CaptionStyle) => void };

const CHOICES = {
  creditFormat: ['dash', 'parentheses'],
  agencyNames: ['arabic', 'latin'],
  dateFormat: ['long', 'numeric', 'iso'],
  months: ['gregorian', 'syriac'],
} as const;

type ChoiceKey = keyof typeof CHOICES;

export function CaptionStyleForm({ onChanged }: Props) {
  const { t } = useTranslation();
  const [style, setStyle] = useState<CaptionStyle | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('captions:getStyle', {})
      .then(setStyle)
      .catch((e: unknown) => setError(errorDetails(t, e)));
  }, [t]);

  async function change(patch: Partial<CaptionStyle>) {
    try {
      const next = await call('captions:setStyle', patch);
      setStyle(next);
      onChanged(next);
      setError(null);
    } catch (e) {
      setError(errorDetails(t, e));
    }
  }

  if (!style) return error ? <p className="inline-error">{error}</p> : null;
  return (
    <div className="settings-grid" data-testid="caption-style">
      {(Object.keys(CHOICES) as ChoiceKey[]).map((k) => (
        <label key={k} className="contents">
          <span>{t(`media.style.${k}`)}</span>
          <select
            value={style[k]}
            data-testid={`style-${k}`}
            onChange={(e) => void change({ [k]: e.target.value })}
          >
            {CHOICES[k].map((v) => (
              <option key={v} value={v}>
                {t(`media.style.${k}_${v}`)}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label className="contents">
        <span>{t('media.style.maxCaptionWords')}</span>
        <input
          type="number"
          min={5}
          max={500}
          value={style.maxCaptionWords}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 5 && n <= 500) void change({ maxCaptionWords: n });
          }}
        />
      </label>
      <label className="contents">
        <span>{t('media.style.requireAltText')}</span>
        <input
          type="checkbox"
          checked={style.requireAltText}
          onChange={(e) => void change({ requireAltText: e.target.checked })}
        />
      </label>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
