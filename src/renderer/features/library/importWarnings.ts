// Import warnings in the user's language: known codes are translated, unknown ones keep the service's message.
import type { ImportWarning } from '../../../core/article/model';
import type { Msg } from '../shell/notices';

export function warningMsg(w: ImportWarning): Msg {
  return { key: `warnings.${w.code}`, values: { defaultValue: w.message } };
}
