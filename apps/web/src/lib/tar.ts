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

/** Returns the header checksum of a tar block: its bytes summed, the checksum field as spaces. */
function headerChecksum(header: Uint8Array): number {
  let sum = 0;
  for (let index = 0; index < BLOCK; index++) {
    sum += index >= 148 && index < 156 ? 0x20 : (header[index] ?? 0);
  }
  return sum;
}

/** Reads a NUL-terminated field of a header or of a long-name entry as text. */
function fieldText(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end === -1 ? bytes : bytes.subarray(0, end));
}

/** Reads an octal number field, which ends at a NUL or space, or returns NaN for other text. */
function octalField(bytes: Uint8Array): number {
  const digits = fieldText(bytes).trim();
  if (digits === "") return 0;
  return /^[0-7]+$/.test(digits) ? Number.parseInt(digits, 8) : Number.NaN;
}

/** Returns whether a 512-byte block is a tar header: its checksum field matches its bytes. */
function isTarHeader(header: Uint8Array): boolean {
  return (
    header.length === BLOCK && octalField(header.subarray(148, 156)) === headerChecksum(header)
  );
}

/**
 * Returns whether bytes start like a tar archive: a first header with a valid checksum, or the
 * end-of-archive zeros of an empty archive.
 */
export function isTarArchive(bytes: Uint8Array): boolean {
  const first = bytes.subarray(0, BLOCK);
  if (first.length < BLOCK) return false;
  return isTarHeader(first) || (bytes.length >= 2 * BLOCK && first.every((byte) => byte === 0));
}

/** Reads the `path` record of a pax extended header, whose records are `<length> <key>=<value>\n`. */
function paxPath(data: Uint8Array): string | null {
  let path: string | null = null;
  for (const record of new TextDecoder().decode(data).split("\n")) {
    const match = /^\d+ path=(.*)$/s.exec(record);
    if (match) path = match[1] ?? null;
  }
  return path;
}

/**
 * Reads the regular files of a tar archive: ustar, pax (its `path` records), GNU (its long
 * names) or the older format. Directories, links and other entry types are skipped. Throws when
 * the archive is cut short or a header's checksum or size is invalid.
 */
export function readTar(archive: Uint8Array): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  // A long name from a GNU `L` entry or a pax `x` header applies to the entry that follows.
  let longName: string | null = null;
  let offset = 0;
  while (offset + BLOCK <= archive.length) {
    const header = archive.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    if (!isTarHeader(header)) {
      throw new Error(`the tar header at byte ${offset} has a wrong checksum`);
    }
    const size = octalField(header.subarray(124, 136));
    if (Number.isNaN(size)) throw new Error(`the tar header at byte ${offset} has an invalid size`);
    const start = offset + BLOCK;
    if (start + size > archive.length) throw new Error("the tar archive is cut short");
    const data = archive.subarray(start, start + size);
    const type = String.fromCharCode(header[156] ?? 0);
    // Only POSIX ustar ("ustar\0") has a name prefix; GNU tar ("ustar  ") keeps other fields there.
    const posix = fieldText(header.subarray(257, 263)) === "ustar";
    const prefix = posix ? fieldText(header.subarray(345, 500)) : "";
    const name = fieldText(header.subarray(0, 100));

    if (type === "L") {
      longName = fieldText(data);
    } else if (type === "x") {
      longName = paxPath(data) ?? longName;
    } else if (type === "0" || type === "\0" || type === "7") {
      const path = longName ?? (prefix === "" ? name : `${prefix}/${name}`);
      entries.push({ path, data: archive.slice(start, start + size) });
      longName = null;
    } else if (type !== "g") {
      longName = null;
    }
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}
