/** SHA-256 of downloaded bytes, to check a bundle against the hash the server announced. */
export async function sha256Hex(blob: Blob): Promise<string | null> {
  // Web Crypto exists only in secure contexts (HTTPS or localhost); elsewhere the check is skipped.
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = await subtle.digest("SHA-256", await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}
