// Reading a photo file: recognises JPEG, PNG and WebP by their bytes, refuses what is too big or does not
// decode, makes the thumbnail, and reads IPTC IIM, XMP and EXIF. Never writes anything; the original bytes
// are kept exactly as given.
import { createHash } from 'node:crypto';
import * as exifrModule from 'exifr';
import sharp, { type Metadata as SharpMetadata } from 'sharp';
import { mapPhotoMetadata, type LegacyIimDecoder, type PhotoMetadata } from '../../core/captions/metadata';
import { AppError } from '../../core/ipc/contract';

export const IMAGE_LIMITS = {
  /** Larger files are refused before anything else is done with them. */
  maxBytes: 40 * 1024 * 1024,
  /** Width × height; decoding is refused beyond this (a small file can declare a gigantic picture). */
  maxPixels: 100_000_000,
  /** Longest side of the thumbnail. */
  thumbnailSize: 320,
} as const;

export const IMAGE_TYPES = {
  jpeg: { mimeType: 'image/jpeg', ext: 'jpg' },
  png: { mimeType: 'image/png', ext: 'png' },
  webp: { mimeType: 'image/webp', ext: 'webp' },
} as const;
export type ImageFormat = keyof typeof IMAGE_TYPES;

export type ReadImage = {
  hash: string;
  format: ImageFormat;
  mimeType: string;
  /** As displayed: EXIF orientation applied. */
  width: number;
  height: number;
  bytes: Uint8Array;
  thumbnail: Buffer;
  thumbnailMime: 'image/webp';
  metadata: PhotoMetadata;
  /** What could not be read (metadata only: a photo whose metadata is damaged is still a photo). */
  warnings: string[];
};

/** The format the bytes announce, from their signature (the file name is not trusted). */
export function sniffImage(bytes: Uint8Array): ImageFormat | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x))
    return 'png';
  const ascii = (from: number, to: number): string => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

/**
 * exifr ships a UMD build (what Node loads) and an ES build (what bundlers and Vitest load) whose default
 * export lacks `sidecar`; the named functions exist in one, the default object's in the other.
 */
const exifr: { parse: typeof exifrModule.parse; sidecar: typeof exifrModule.sidecar } =
  typeof (exifrModule as { sidecar?: unknown }).sidecar === 'function'
    ? exifrModule
    : (exifrModule as unknown as { default: typeof exifrModule }).default;

const megapixels = (n: number): string => (n / 1_000_000).toFixed(1).replace(/\.0$/, '');

/**
 * Validates and reads a photo. Throws AppError: 'empty_file', 'too_large' (bytes or pixels),
 * 'unsupported_file' (not JPEG/PNG/WebP), 'undecodable' (corrupt or truncated).
 */
export async function readImage(bytes: Uint8Array, fileName: string): Promise<ReadImage> {
  if (bytes.length === 0) throw new AppError('empty_file', `${fileName}: the file is empty.`);
  if (bytes.length > IMAGE_LIMITS.maxBytes) {
    throw new AppError(
      'too_large',
      `${fileName}: the image is ${megapixels(bytes.length / 1.048576)} MB; photos up to ` +
        `${IMAGE_LIMITS.maxBytes / 1024 / 1024} MB are accepted.`,
    );
  }
  const format = sniffImage(bytes);
  if (!format) {
    throw new AppError('unsupported_file', `${fileName}: not a JPEG, PNG or WebP image.`);
  }
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: SharpMetadata;
  try {
    header = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (e) {
    throw new AppError(
      'undecodable',
      `${fileName}: the image is damaged and cannot be read (${messageOf(e)}).`,
    );
  }
  if (header.format !== format || !header.width || !header.height) {
    throw new AppError('undecodable', `${fileName}: the image is damaged and cannot be read.`);
  }
  const pixels = header.width * header.height;
  if (pixels > IMAGE_LIMITS.maxPixels) {
    throw new AppError(
      'too_large',
      `${fileName}: the image is ${header.width}×${header.height} (${megapixels(pixels)} megapixels); ` +
        `photos up to ${megapixels(IMAGE_LIMITS.maxPixels)} megapixels are accepted.`,
    );
  }
  // Decoding the whole picture for the thumbnail is the validation: a truncated or corrupt file fails here.
  let thumbnail: Buffer;
  try {
    thumbnail = await sharp(input, { failOn: 'warning', limitInputPixels: IMAGE_LIMITS.maxPixels })
      .rotate()
      .resize(IMAGE_LIMITS.thumbnailSize, IMAGE_LIMITS.thumbnailSize, {
        fit: 'inside',
        withoutEnlargement: true,
      })
      .webp({ quality: 75 })
      .toBuffer();
  } catch (e) {
    throw new AppError(
      'undecodable',
      `${fileName}: the image is damaged or incomplete and cannot be decoded (${messageOf(e)}).`,
    );
  }
  const swapped = (header.orientation ?? 1) >= 5;
  const warnings: string[] = [];
  const metadata = await readMetadata(input, format, header, warnings);
  return {
    hash: createHash('sha256').update(input).digest('hex'),
    format,
    mimeType: IMAGE_TYPES[format].mimeType,
    width: swapped ? header.height : header.width,
    height: swapped ? header.width : header.height,
    bytes,
    thumbnail,
    thumbnailMime: 'image/webp',
    metadata,
    warnings,
  };
}

const EXIFR_OPTIONS = {
  tiff: true,
  exif: true,
  iptc: true,
  xmp: true,
  gps: false,
  icc: false,
  jfif: false,
  ihdr: false,
  interop: false,
  makerNote: false,
  userComment: false,
  translateValues: false,
  reviveValues: true,
  mergeOutput: false,
  multiSegment: true,
};

const cp1256 = new TextDecoder('windows-1256');

/**
 * IIM text from older Arabic agency photos is Windows-1256 without the character-set record, so the reader
 * hands it over as Latin-1 (`ãÊÙÇåÑæä` for متظاهرون). Read as Windows-1256, it is taken when it turns the
 * bytes into Arabic letters — at least two, and for at least half of the bytes above ASCII — and a European
 * name in Latin-1 (`Zoë`, `España`) stays as it is.
 */
export const windows1256Iim: LegacyIimDecoder = (latin1) => {
  const bytes = Uint8Array.from(latin1, (c) => c.charCodeAt(0));
  const high = bytes.filter((b) => b >= 0x80).length;
  const decoded = cp1256.decode(bytes);
  const letters = decoded.match(/[\u0621-\u064A]/gu)?.length ?? 0;
  return letters >= 2 && letters * 2 >= high ? decoded : null;
};

/** IPTC IIM, XMP and EXIF through exifr; for WebP (which exifr does not open) from the chunks sharp extracts. */
async function readMetadata(
  input: Buffer,
  format: ImageFormat,
  header: SharpMetadata,
  warnings: string[],
): Promise<PhotoMetadata> {
  try {
    if (format !== 'webp') return mapPhotoMetadata(await exifr.parse(input, EXIFR_OPTIONS), windows1256Iim);
    const parts: Record<string, unknown> = {};
    if (header.exif && header.exif.length > 8) {
      // sharp hands EXIF over with its `Exif\0\0` prefix; what follows is a TIFF structure exifr reads.
      const tiff =
        header.exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? header.exif.subarray(6) : header.exif;
      Object.assign(parts, (await exifr.parse(tiff, EXIFR_OPTIONS)) ?? {});
    }
    if (header.xmp && header.xmp.length) {
      // As bytes: exifr takes a string argument for a URL or path to fetch.
      Object.assign(parts, (await exifr.sidecar(header.xmp, { ...EXIFR_OPTIONS, xmp: true })) ?? {});
    }
    return mapPhotoMetadata(parts, windows1256Iim);
  } catch (e) {
    warnings.push(`The photo's metadata could not be read (${messageOf(e)}); fill in the caption by hand.`);
    return mapPhotoMetadata(undefined);
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
