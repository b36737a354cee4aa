// One dialog for the photo desk's shared settings: code replacements, the house caption style and the tag
// vocabulary, each on its own tab.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptionStyle } from '../../../core/captions/style';
import type { CodeEntry } from '../../../core/codes/codes';
import { Dialog } from '../shell/Dialog';
import { VocabularyManager, type Retag } from '../tags/VocabularyManager';
import { CaptionStyleForm } from './CaptionStyleForm';
import { CodesManager } from './CodesManager';

export type SettingsTab = 'codes' | 'captionStyle' | 'vocabulary';
const TABS: SettingsTab[] = ['codes', 'captionStyle', 'vocabulary'];

type Props = {
  initialTab?: SettingsTab;
  onClose: () => void;
  onCodes: (entries: CodeEntry[]) => void;
  onStyle: (style: CaptionStyle) => void;
  onRetag: (change: Retag) => void;
};

export function MediaSettingsDialog({ initialTab = 'codes', onClose, onCodes, onStyle, onRetag }: Props) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<SettingsTab>(initialTab);
  return (
    <Dialog title={t('media.settings.title')} onCancel={onClose} testId="media-settings">
      <div className="media-settings">
        <div className="tabs" role="tablist">
          {TABS.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              className="tab"
              aria-selected={tab === id}
              onClick={() => setTab(id)}
              data-testid={`media-tab-${id}`}
            >
              {t(`media.settings.${id}`)}
            </button>
          ))}
        </div>
        <div className="settings-pane" role="tabpanel">
          {tab === 'codes' && <CodesManager onChanged={onCodes} />}
          {tab === 'captionStyle' && <CaptionStyleForm onChanged={onStyle} />}
          {tab === 'vocabulary' && <VocabularyManager onRetag={onRetag} />}
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose} data-testid="media-settings-close">
            {t('common.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
