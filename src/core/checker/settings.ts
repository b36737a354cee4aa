// The house-style choices a desk makes once (persisted elsewhere): pure data with defaults that flag only what
// a professional desk would correct in any house style.
import { z } from 'zod';

export const CheckSettings = z.object({
  /** Language of finding messages. */
  language: z.enum(['ar', 'en']).default('ar'),
  /** Preferred quotation marks; 'any' only asks for one style per article. */
  quotes: z.enum(['any', 'guillemets', 'straight']).default('any'),
  /** Preferred digits; 'any' only asks for one system per article. */
  digits: z.enum(['any', 'western', 'arabic-indic']).default('any'),
  /** Month names: يناير… (Egyptian/Gulf), كانون الثاني… (Levantine/Iraqi); 'any' only asks for one set. */
  months: z.enum(['any', 'gregorian', 'syriac']).default('any'),
  /** Agency names in Arabic text: Arabic (رويترز) or left as written in Latin script. */
  agencyNames: z.enum(['arabic', 'latin']).default('arabic'),
  /** 'strict' also turns on the opt-in (purist) rules. */
  strictness: z.enum(['default', 'strict']).default('default'),
  /** Per-rule overrides by rule id: true turns a rule on, false off, whatever its default. */
  rules: z.record(z.string(), z.boolean()).default({}),
});
export type CheckSettings = z.infer<typeof CheckSettings>;
export type CheckSettingsInput = z.input<typeof CheckSettings>;

export const DEFAULT_SETTINGS: CheckSettings = CheckSettings.parse({});

/** Fills in defaults; throws a zod error that names the bad field. */
export function resolveSettings(input: CheckSettingsInput = {}): CheckSettings {
  return CheckSettings.parse(input);
}
