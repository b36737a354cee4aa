// The house style for captions and credits: pure data with defaults (persisted as a setting by the services).
import { z } from 'zod';

export const CaptionStyle = z.object({
  /** Language of finding messages. */
  language: z.enum(['ar', 'en']).default('ar'),
  /** Agency names in credits and Arabic captions: Arabic (رويترز) or left in Latin script (Reuters). */
  agencyNames: z.enum(['arabic', 'latin']).default('arabic'),
  /** How a credit written at the end of a caption looks: `… - رويترز` (dash) or `… (رويترز)` (parentheses). */
  creditFormat: z.enum(['dash', 'parentheses']).default('dash'),
  /** Photo dates: `27 أغسطس 2024` (long), `27/08/2024` (numeric) or `2024-08-27` (iso). */
  dateFormat: z.enum(['long', 'numeric', 'iso']).default('long'),
  /** Month names in long dates: يناير… (gregorian) or كانون الثاني… (syriac). */
  months: z.enum(['gregorian', 'syriac']).default('gregorian'),
  /** Captions longer than this many words are flagged. */
  maxCaptionWords: z.number().int().min(5).max(500).default(45),
  /** Flag figures without alt text (descriptions for readers who cannot see the photo). */
  requireAltText: z.boolean().default(true),
});
export type CaptionStyle = z.infer<typeof CaptionStyle>;
export type CaptionStyleInput = z.input<typeof CaptionStyle>;

export const DEFAULT_CAPTION_STYLE: CaptionStyle = CaptionStyle.parse({});
