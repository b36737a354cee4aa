// Turns any failure into the words shown to the user: the translated error kind plus the service's message.
import type { TFunction } from 'i18next';
import { BridgeError } from '../../bridge';

export function errorDetails(t: TFunction, e: unknown): string {
  if (e instanceof BridgeError) {
    const kind = t(`errors.${e.error.code}`, { defaultValue: t('errors.unknown') });
    return e.error.message ? `${kind}: ${e.error.message}` : kind;
  }
  if (e instanceof Error) return e.message;
  return String(e);
}
