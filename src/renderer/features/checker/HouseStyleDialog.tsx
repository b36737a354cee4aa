// The house-style settings: quotation marks, digits, month names, agency names and strictness, saved for the
// whole desk as soon as one is changed.
import { useTranslation } from 'react-i18next';
import type { HouseStyle } from '../../../core/checker';
import { Dialog } from '../shell/Dialog';
import { postNotice } from '../shell/notices';
import { useValue } from '../shell/valueStore';
import { houseStyleStore, saveHouseStyle } from './houseStyleStore';

type Settings = HouseStyle['settings'];
const CHOICES = {
  quotes: ['any', 'guillemets', 'straight'],
  digits: ['any', 'western', 'arabic-indic'],
  months: ['any', 'gregorian', 'syriac'],
  agencyNames: ['arabic', 'latin'],
  strictness: ['default', 'strict'],
} as const satisfies Partial<Record<keyof Settings, readonly string[]>>;

export function HouseStyleDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const style = useValue(houseStyleStore);
  const change = (key: keyof typeof CHOICES, value: string) => {
    saveHouseStyle({ settings: { ...style.settings, [key]: value } }).catch((e: unknown) =>
      postNotice({ tone: 'error', title: { error: e } }),
    );
  };
  return (
    <Dialog title={t('checker.settings.title')} onCancel={onClose} testId="house-style-dialog">
      <div className="chk-settings">
        {(Object.keys(CHOICES) as (keyof typeof CHOICES)[]).map((key) => (
          <label key={key} className="chk-field">
            <span>{t(`checker.settings.${key}`)}</span>
            <select
              data-testid={`house-${key}`}
              value={style.settings[key]}
              onChange={(e) => change(key, e.target.value)}
            >
              {CHOICES[key].map((v) => (
                <option key={v} value={v}>
                  {t(`checker.settings.${key}_${v}`)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose} data-testid="house-style-close">
          {t('checker.settings.close')}
        </button>
      </div>
    </Dialog>
  );
}
