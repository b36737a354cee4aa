// The two buttons that end every small fact-check form (a source, a comment, a waiver, a quote's speaker and
// note): submit, and cancel.
import { useTranslation } from 'react-i18next';

export function FormActions(props: {
  submitLabel: string;
  submitTestId: string;
  disabled?: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="fc-form-actions">
      <button
        type="submit"
        className="btn btn-small btn-primary"
        disabled={props.disabled}
        data-testid={props.submitTestId}
      >
        {props.submitLabel}
      </button>
      <button type="button" className="btn btn-small" onClick={props.onCancel}>
        {t('factcheck.cancel')}
      </button>
    </div>
  );
}
