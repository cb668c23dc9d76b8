/**
 * A format's logo: PNG or JPEG told by its first bytes (magic numbers), never by the file name or
 * the type the browser sent, and at most MAX_LOGO_BYTES. Pure, no I/O.
 */
export const MAX_LOGO_BYTES = 512 * 1024;

export type LogoMime = 'image/png' | 'image/jpeg';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

// PNG: 89 50 4E 47 0D 0A 1A 0A; JPEG: FF D8 FF; e.g. a GIF ('GIF89a…') → null.
export function sniffImageMime(bytes: Uint8Array): LogoMime | null {
  if (bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** The logo's type, or the Spanish reason it is refused (empty, too large, not PNG/JPEG). */
export function checkLogo(bytes: Uint8Array): { ok: true; mime: LogoMime } | { ok: false; error: string } {
  if (bytes.length === 0) return { ok: false, error: 'El archivo del logotipo está vacío.' };
  if (bytes.length > MAX_LOGO_BYTES) return { ok: false, error: `El logotipo pesa ${Math.ceil(bytes.length / 1024)} KB: el máximo es ${MAX_LOGO_BYTES / 1024} KB.` };
  const mime = sniffImageMime(bytes);
  if (!mime) return { ok: false, error: 'El logotipo debe ser una imagen PNG o JPEG (el contenido del archivo no lo es).' };
  return { ok: true, mime };
}

// e.g. logoDataUri('image/png', <89 50 4E 47…>) → 'data:image/png;base64,iVBORw…'
export function logoDataUri(mime: LogoMime | string, bytes: Uint8Array): string {
  return `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;
}
