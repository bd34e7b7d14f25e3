import type { ImportFile } from "@/server/admin/course-import";

import { formatKibibytes } from "./submission-limits";
import { isTarArchive, readTar, type ArchiveEntry } from "./tar";

/** An archive format that the import recognizes by its first bytes. */
export type ArchiveFormat = "tar" | "gzip" | "zip" | "bzip2" | "xz" | "zstd" | "7z" | "rar";

/** The magic bytes that open a file of each format but tar, which has no magic bytes at byte 0. */
const SIGNATURES: { format: Exclude<ArchiveFormat, "tar">; bytes: number[] }[] = [
  { format: "gzip", bytes: [0x1f, 0x8b] },
  { format: "zip", bytes: [0x50, 0x4b, 0x03, 0x04] },
  // An empty zip archive is only its end-of-directory record.
  { format: "zip", bytes: [0x50, 0x4b, 0x05, 0x06] },
  { format: "bzip2", bytes: [0x42, 0x5a, 0x68] },
  { format: "xz", bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { format: "zstd", bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { format: "7z", bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { format: "rar", bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
];

/** Returns the archive format of a file from its first bytes, or null for anything else. */
export function detectArchiveFormat(bytes: Uint8Array): ArchiveFormat | null {
  for (const { format, bytes: magic } of SIGNATURES) {
    if (magic.every((byte, index) => bytes[index] === byte)) return format;
  }
  return isTarArchive(bytes) ? "tar" : null;
}

/** Returns whether a file name ends like a tar archive that the import reads. */
export function hasTarName(name: string): boolean {
  return /\.(tar|tgz|tar\.gz)$/i.test(name);
}

/** An archive the import cannot read: the file's name, and what is wrong and what to do. */
export class ArchiveError extends Error {
  override name = "ArchiveError";

  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

const ACCEPTED = "choose exercise .json files or a course archive as .tar or .tar.gz";

/**
 * The course folder read from an archive: the JSON files to import, named
 * `<archive>/<path in the archive>`, and the files left out.
 */
export interface CourseArchive {
  archive: string;
  /** The course folder's path inside the archive, such as `course/`, or "" for its root. */
  folder: string;
  files: ImportFile[];
  /** Paths, relative to the course folder, of hidden files and folders and of non-JSON files. */
  skipped: string[];
}

/**
 * Reads the course folder from a .tar or .tar.gz archive. Throws an {@link ArchiveError} for
 * another format, a damaged archive, or a .tar.gz that unpacks to more than `maxBytes`.
 */
export async function readCourseArchive(
  archive: string,
  bytes: Uint8Array,
  maxBytes: number,
): Promise<CourseArchive> {
  const format = detectArchiveFormat(bytes);
  let tar = bytes;
  if (format === "gzip") {
    tar = await gunzip(archive, bytes, maxBytes);
    if (!isTarArchive(tar)) {
      throw new ArchiveError(archive, `is a gzip file without a tar archive inside: ${ACCEPTED}`);
    }
  } else if (format !== "tar") {
    throw new ArchiveError(archive, unreadableReason(format));
  }
  let entries: ArchiveEntry[];
  try {
    entries = readTar(tar);
  } catch (error) {
    const reason = (error as Error).message;
    throw new ArchiveError(archive, `is damaged, because ${reason}: pack the course folder again`);
  }
  const read = selectCourseFiles(archive, entries);
  if (read.files.length === 0) {
    throw new ArchiveError(archive, `contains no .json files: ${ACCEPTED}`);
  }
  return read;
}

/** The article and name of each compressed or archive format that the import does not read. */
const FORMAT_NAMES: Record<Exclude<ArchiveFormat, "tar" | "gzip" | "zip">, string> = {
  bzip2: "a bzip2 (.bz2)",
  xz: "an xz (.xz)",
  zstd: "a Zstandard (.zst)",
  "7z": "a 7-Zip (.7z)",
  rar: "a RAR (.rar)",
};

/** Words why a file of another format or none cannot be read as a course archive. */
function unreadableReason(format: Exclude<ArchiveFormat, "tar" | "gzip"> | null): string {
  if (format === null) return `is not a tar archive: ${ACCEPTED}`;
  if (format === "zip") {
    return (
      "is a zip archive, which the import does not read: unpack it and choose its .json " +
      "files, or pack the course folder as .tar with tar -cf course.tar <folder>"
    );
  }
  return (
    `is ${FORMAT_NAMES[format]} archive, which the import does not read: unpack it to a .tar ` +
    `first, or ${ACCEPTED}`
  );
}

/** Unpacks gzip bytes, rejecting output over `maxBytes` before it is all in memory. */
async function gunzip(archive: string, bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const stream = new Blob([new Uint8Array(bytes)])
    .stream()
    .pipeThrough(new DecompressionStream("gzip"));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel();
        const max = formatKibibytes(maxBytes);
        const fix = "import the exercises in smaller parts";
        throw new ArchiveError(archive, `unpacks to more than ${max}, the maximum: ${fix}`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(archive, "is a damaged gzip file: pack the course folder again");
  }
  const tar = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    tar.set(chunk, offset);
    offset += chunk.length;
  }
  return tar;
}

/** Splits a path into its segments, without the `.` and empty segments of `./a//b`. */
function segmentsOf(path: string): string[] {
  return path.split("/").filter((segment) => segment !== "" && segment !== ".");
}

/**
 * Returns the index of the first hidden segment of a path, or -1. Hidden are names starting with
 * "." (such as `.DS_Store`, macOS's AppleDouble files `._<name>` and `.git/`) and macOS's
 * `__MACOSX/` folder of AppleDouble files.
 */
function hiddenSegment(segments: string[]): number {
  return segments.findIndex((segment) => segment.startsWith(".") || segment === "__MACOSX");
}

/**
 * Returns the course folder among the visible files: the root when it contains course.json or
 * `exercises/`, or else the one folder that contains every file, as `tar -cf x.tar course/`
 * packs it. Returns [] for the root.
 */
function findCourseFolder(paths: string[][]): string[] {
  const atRoot = paths.some(
    (segments) =>
      (segments.length === 1 && segments[0] === "course.json") ||
      (segments.length > 1 && segments[0] === "exercises"),
  );
  const top = paths[0]?.[0];
  if (atRoot || top === undefined) return [];
  const oneFolder = paths.every((segments) => segments.length > 1 && segments[0] === top);
  return oneFolder ? [top] : [];
}

/** Returns the path of an entry as it is listed when skipped: a hidden folder ends at its name. */
function skippedPath(segments: string[]): string[] {
  const index = hiddenSegment(segments);
  // A hidden folder is listed once, not with each of its files.
  return index === -1 || index === segments.length - 1
    ? segments
    : [...segments.slice(0, index + 1), ""];
}

/**
 * Selects the files to import from an archive's entries: every .json file that is not hidden.
 * Hidden files and folders and other files, such as README.md or images, are listed as skipped,
 * in the archive's order.
 */
export function selectCourseFiles(archive: string, entries: ArchiveEntry[]): CourseArchive {
  const paths = entries.map((entry) => segmentsOf(entry.path));
  const visible = paths.filter((segments) => hiddenSegment(segments) === -1);
  const folder = findCourseFolder(visible);
  const relative = (segments: string[]) =>
    segments.slice(0, folder.length).join("/") === folder.join("/")
      ? segments.slice(folder.length).join("/")
      : segments.join("/");

  const decoder = new TextDecoder();
  const files: ImportFile[] = [];
  const skipped = new Set<string>();
  entries.forEach((entry, index) => {
    const segments = paths[index] ?? [];
    if (hiddenSegment(segments) === -1 && segments.at(-1)?.endsWith(".json")) {
      files.push({ name: `${archive}/${segments.join("/")}`, text: decoder.decode(entry.data) });
    } else {
      skipped.add(relative(skippedPath(segments)));
    }
  });
  return {
    archive,
    folder: folder.length === 0 ? "" : `${folder.join("/")}/`,
    files,
    skipped: [...skipped],
  };
}

/** The most skipped names that {@link describeCourseArchive} lists. */
const MAX_LISTED_SKIPPED = 20;

/** Writes the sentence on which folder of an archive was read and which of its files were skipped. */
export function describeCourseArchive(read: CourseArchive): string {
  const folder =
    read.folder === ""
      ? `Read the course folder at the root of ${read.archive}.`
      : `Read the course folder ${read.folder} of ${read.archive}.`;
  if (read.skipped.length === 0) return folder;
  const listed = read.skipped.slice(0, MAX_LISTED_SKIPPED).join(", ");
  const more = read.skipped.length - MAX_LISTED_SKIPPED;
  const rest = more > 0 ? ` and ${more.toLocaleString("en")} more` : "";
  return `${folder} Skipped: ${listed}${rest} (not exercise files).`;
}
