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
 * The course folder read from an archive: its course.json and exercise files to import, named
 * `<archive>/<path in the archive>`, and the files left out.
 */
export interface CourseArchive {
  archive: string;
  /** The course folder's path inside the archive, such as `course/`, or "" for its root. */
  folder: string;
  files: ImportFile[];
  /**
   * Paths of the files and hidden folders not read, relative to the course folder for those
   * inside it and to the archive's root for the others.
   */
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
    const place = read.folder === "" ? "at its root" : `in ${read.folder}`;
    const reason = `contains no course.json and no exercises/*.json ${place}`;
    throw new ArchiveError(archive, `${reason}: ${ACCEPTED}`);
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

/** Returns whether a path, relative to a course folder, is one the import reads. */
function isCourseFile(segments: string[]): boolean {
  if (segments.length === 1) return segments[0] === "course.json";
  return (
    segments.length === 2 && segments[0] === "exercises" && segments[1]?.endsWith(".json") === true
  );
}

/** Returns whether a path, relative to a folder, marks that folder as a course folder. */
function marksCourseFolder(segments: string[]): boolean {
  return (
    (segments.length === 1 && segments[0] === "course.json") ||
    (segments.length > 1 && segments[0] === "exercises")
  );
}

/**
 * Returns the course folders among the visible files: the root and each top folder that
 * contains course.json or `exercises/`, each as its segments, [] for the root. A folder deeper
 * down is not looked for, because tar packs a course folder at the root or in one top folder.
 */
function findCourseFolders(paths: string[][]): string[][] {
  const folders: string[][] = [];
  if (paths.some(marksCourseFolder)) folders.push([]);
  const tops = new Set<string>();
  for (const segments of paths) {
    const top = segments[0];
    if (top !== undefined && marksCourseFolder(segments.slice(1))) tops.add(top);
  }
  for (const top of tops) folders.push([top]);
  return folders;
}

/** Names a course folder in a message: `dlt/`, or "the root" for []. */
function folderName(folder: string[]): string {
  return folder.length === 0 ? "the root" : `${folder.join("/")}/`;
}

/**
 * Returns the one course folder of an archive. Throws an {@link ArchiveError} when the archive
 * has none, or several, since one import updates one course.
 */
function chooseCourseFolder(archive: string, paths: string[][]): string[] {
  const folders = findCourseFolders(paths);
  const [folder] = folders;
  if (folder === undefined) {
    throw new ArchiveError(
      archive,
      "contains no course folder, which is a folder with course.json or exercises/*.json, at " +
        "the root or inside one top folder: pack the course folder, or choose its .json files",
    );
  }
  if (folders.length > 1) {
    const names = folders.map(folderName);
    const list = `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
    throw new ArchiveError(
      archive,
      `contains ${folders.length} course folders, ${list}: import one course at a time, ` +
        "from an archive of its folder alone",
    );
  }
  return folder;
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
 * Selects the files to import from an archive's entries: course.json at the course folder's
 * root and the .json files directly in its `exercises/`. Every other file, such as README.md,
 * package.json or an image, and every hidden file and folder is listed as skipped, in the
 * archive's order. Throws an {@link ArchiveError} when the archive has no course folder or
 * several.
 */
export function selectCourseFiles(archive: string, entries: ArchiveEntry[]): CourseArchive {
  const paths = entries.map((entry) => segmentsOf(entry.path));
  const visible = paths.filter((segments) => hiddenSegment(segments) === -1);
  const folder = chooseCourseFolder(archive, visible);
  const inFolder = (segments: string[]) =>
    segments.length > folder.length && folder.every((name, index) => segments[index] === name);

  const decoder = new TextDecoder();
  const files: ImportFile[] = [];
  const skipped = new Set<string>();
  entries.forEach((entry, index) => {
    const segments = paths[index] ?? [];
    const relative = inFolder(segments) ? segments.slice(folder.length) : null;
    if (relative !== null && hiddenSegment(segments) === -1 && isCourseFile(relative)) {
      files.push({ name: `${archive}/${segments.join("/")}`, text: decoder.decode(entry.data) });
    } else {
      // Files inside the course folder are named relative to it, others by their archive path.
      skipped.add(skippedPath(relative ?? segments).join("/"));
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

/** Returns whether a skipped path is a macOS AppleDouble file, `._<name>`, of file metadata. */
function isAppleDouble(path: string): boolean {
  return path.split("/").at(-1)?.startsWith("._") === true;
}

/**
 * Writes the sentence on which folder of an archive was read and which of its files were skipped.
 * AppleDouble files are counted rather than named, since macOS's tar can add one beside each file.
 */
export function describeCourseArchive(read: CourseArchive): string {
  const folder =
    read.folder === ""
      ? `Read the course folder at the root of ${read.archive}.`
      : `Read the course folder ${read.folder} of ${read.archive}.`;
  const named = read.skipped.filter((path) => !isAppleDouble(path));
  const appleDoubles = read.skipped.length - named.length;
  const listed = named.slice(0, MAX_LISTED_SKIPPED);
  const more = named.length - listed.length;
  if (more > 0) listed.push(`${more.toLocaleString("en")} more`);
  if (appleDoubles > 0) {
    const files = appleDoubles === 1 ? "file" : "files";
    listed.push(`${appleDoubles.toLocaleString("en")} macOS metadata ${files} (._*)`);
  }
  if (listed.length === 0) return folder;
  return `${folder} Skipped, as not part of a course folder: ${listed.join(", ")}.`;
}
