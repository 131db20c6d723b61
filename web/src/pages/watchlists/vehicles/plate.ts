/**
 * What the server will make of a typed plate, mirrored from `EntryIn._plate` and `safecity.anpr.keys.plate_key`
 * so the form can preview it before saving: the plate is stored trimmed and upper-cased, and matched on
 * its key (series + number, no separators; a two-digit middle group is the year and is left out).
 */

export const MAX_PLATE_LENGTH = 32;

export type PlatePreview =
  | { ok: true; stored: string; key: string; year: string | null }
  | { ok: false; error: string };

const SEPARATORS = /[\s\-_./]+/;

function lettersAndDigits(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

export function previewPlate(typed: string): PlatePreview {
  const stored = typed.trim().toUpperCase();
  if (!stored) return { ok: false, error: "Enter the plate." };
  if (typed.length > MAX_PLATE_LENGTH) return { ok: false, error: `At most ${MAX_PLATE_LENGTH} characters.` };
  if (/[*?]/.test(stored)) return { ok: false, error: "Hotlist plates cannot contain wildcards (* or ?)." };
  const groups = stored
    .split(SEPARATORS)
    .map(lettersAndDigits)
    .filter((group) => group.length > 0);
  let year: string | null = null;
  if (groups.length === 3 && /^[0-9]{2}$/.test(groups[1] ?? "")) {
    year = groups[1] ?? null;
    groups.splice(1, 1);
  }
  const key = groups.join("");
  if (!key) return { ok: false, error: "A plate needs at least one letter or digit." };
  return { ok: true, stored, key, year };
}
