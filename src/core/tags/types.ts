// Tag types and Media Topic codes: the small part of the vocabulary the IPC contract needs (no data files).
import { z } from 'zod';

export const TAG_TYPES = ['person', 'organisation', 'place', 'topic'] as const;
export const TagType = z.enum(TAG_TYPES);
export type TagType = z.infer<typeof TagType>;

/** IPTC Media Topic qualified code, e.g. medtop:01000000. */
export const MediaTopicCode = z
  .string()
  .regex(/^medtop:\d{8}$/, 'An IPTC Media Topic code looks like medtop:01000000');
