/** A file inside a tar archive: its path and its bytes. */
export interface ArchiveEntry {
  path: string;
  data: Uint8Array;
}

const BLOCK = 512;

/**
 * Writes regular files as a POSIX ustar archive, which `tar -xf` and every archive program read.
 * Paths must fit ustar's 100-byte name field, which exercise ids below 90 characters do.
 */
export function writeTar(entries: ArchiveEntry[], modified: Date): Uint8Array<ArrayBuffer> {
  const blocks: Uint8Array[] = [];
  for (const entry of entries) {
    blocks.push(tarHeader(entry, modified), entry.data);
    const padding = (BLOCK - (entry.data.length % BLOCK)) % BLOCK;
    blocks.push(new Uint8Array(padding));
  }
  blocks.push(new Uint8Array(2 * BLOCK));
  const archive = new Uint8Array(blocks.reduce((total, block) => total + block.length, 0));
  let offset = 0;
  for (const block of blocks) {
    archive.set(block, offset);
    offset += block.length;
  }
  return archive;
}

function tarHeader(entry: ArchiveEntry, modified: Date): Uint8Array {
  const header = new Uint8Array(BLOCK);
  const encoder = new TextEncoder();
  const put = (text: string, offset: number) => header.set(encoder.encode(text), offset);
  const octal = (value: number, width: number) => value.toString(8).padStart(width - 1, "0");

  const name = encoder.encode(entry.path);
  if (name.length > 100) throw new Error(`The path ${entry.path} is longer than 100 bytes.`);
  header.set(name, 0);
  put(octal(0o644, 8), 100);
  put(octal(0, 8), 108);
  put(octal(0, 8), 116);
  put(octal(entry.data.length, 12), 124);
  put(octal(Math.floor(modified.getTime() / 1000), 12), 136);
  put("        ", 148);
  put("0", 156);
  put("ustar\u000000", 257);
  const checksum = header.reduce((sum, byte) => sum + byte, 0);
  put(`${octal(checksum, 7)}\u0000 `, 148);
  return header;
}

/**
 * Reads the regular files of a tar archive (ustar or the older format). Directories and other
 * entry types are skipped. Throws when the archive is cut short or a header is not a number.
 */
export function readTar(archive: Uint8Array): ArchiveEntry[] {
  const decoder = new TextDecoder();
  const text = (start: number, length: number) =>
    decoder.decode(archive.subarray(start, start + length)).replace(/\0.*$/s, "");
  const entries: ArchiveEntry[] = [];
  let offset = 0;
  while (offset + BLOCK <= archive.length) {
    const header = archive.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const size = Number.parseInt(text(offset + 124, 12).trim() || "0", 8);
    if (Number.isNaN(size)) throw new Error(`Invalid tar header at byte ${offset}.`);
    const type = text(offset + 156, 1);
    const prefix = text(offset + 257, 6).startsWith("ustar") ? text(offset + 345, 155) : "";
    const name = text(offset, 100);
    const start = offset + BLOCK;
    if (start + size > archive.length) throw new Error("The tar archive is cut short.");
    if (type === "0" || type === "") {
      const path = prefix === "" ? name : `${prefix}/${name}`;
      entries.push({ path, data: archive.slice(start, start + size) });
    }
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}
