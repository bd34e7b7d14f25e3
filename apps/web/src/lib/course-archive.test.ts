import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

import { afterAll, describe, expect, it } from "vitest";

import {
  ArchiveError,
  describeCourseArchive,
  detectArchiveFormat,
  readCourseArchive,
} from "./course-archive";
import { readTar, writeTar, type ArchiveEntry } from "./tar";

const encoder = new TextEncoder();
const MAX = 1024 * 1024;

function entry(path: string, text: string): ArchiveEntry {
  return { path, data: encoder.encode(text) };
}

/** The 4-byte mark and version that open every AppleDouble file, followed by its zero filler. */
function appleDouble(path: string): ArchiveEntry {
  const data = new Uint8Array(82);
  data.set([0x00, 0x05, 0x16, 0x07, 0x00, 0x02, 0x00, 0x00]);
  return { path, data };
}

/** The entries of a course folder as macOS's tar packs it from inside the folder. */
const MAC_ENTRIES = [
  entry("./course.json", '{"slug":"c"}'),
  appleDouble("./._course.json"),
  entry("./exercises/tent-h2.json", '{"id":"tent-h2"}'),
  appleDouble("./exercises/._tent-h2.json"),
  entry("./.DS_Store", "\u0000\u0000\u0000\u0001Bud1"),
];

function tar(entries: ArchiveEntry[]): Uint8Array {
  return writeTar(entries, new Date("2026-01-01T00:00:00Z"));
}

async function readError(name: string, bytes: Uint8Array): Promise<ArchiveError> {
  const error: unknown = await readCourseArchive(name, bytes, MAX).catch((caught) => caught);
  if (!(error instanceof ArchiveError)) throw new Error(`${name} was read without an error`);
  return error;
}

describe("readCourseArchive", () => {
  it("skips AppleDouble files and .DS_Store", async () => {
    const read = await readCourseArchive("mac.tar", tar(MAC_ENTRIES), MAX);
    expect(read.files.map((file) => file.name)).toEqual([
      "mac.tar/course.json",
      "mac.tar/exercises/tent-h2.json",
    ]);
    expect(read.files[1]?.text).toBe('{"id":"tent-h2"}');
    expect(read.skipped).toEqual(["._course.json", "exercises/._tent-h2.json", ".DS_Store"]);
    expect(read.folder).toBe("");
  });

  it("reads the course folder inside one top folder", async () => {
    const archive = tar([
      entry("deep-learning-theory/course.json", "{}"),
      entry("deep-learning-theory/exercises/tent-h2.json", "{}"),
      entry("deep-learning-theory/README.md", "# Notes"),
      entry("deep-learning-theory/plots/tent.png", "\u0089PNG"),
      appleDouble("__MACOSX/deep-learning-theory/._course.json"),
      appleDouble("__MACOSX/deep-learning-theory/exercises/._tent-h2.json"),
      entry("deep-learning-theory/.git/HEAD", "ref: refs/heads/main"),
      entry("deep-learning-theory/.git/config", "[core]"),
    ]);
    const read = await readCourseArchive("nested.tar", archive, MAX);
    expect(read.folder).toBe("deep-learning-theory/");
    expect(read.files.map((file) => file.name)).toEqual([
      "nested.tar/deep-learning-theory/course.json",
      "nested.tar/deep-learning-theory/exercises/tent-h2.json",
    ]);
    expect(read.skipped).toEqual(["README.md", "plots/tent.png", "__MACOSX/", ".git/"]);
  });

  it("skips other .json files of a course folder", async () => {
    const archive = tar([
      entry("dlt/exercises/tent-h2.json", "{}"),
      entry("dlt/exercises/drafts/old.json", "{}"),
      entry("dlt/notes/meta.json", '{"author":"A"}'),
      entry("dlt/package.json", '{"name":"dlt"}'),
      entry("dlt/course.json", "{}"),
      entry("dlt/course.json.bak", "{}"),
    ]);
    const read = await readCourseArchive("extrajson.tar", archive, MAX);
    expect(read.folder).toBe("dlt/");
    expect(read.files.map((file) => file.name)).toEqual([
      "extrajson.tar/dlt/exercises/tent-h2.json",
      "extrajson.tar/dlt/course.json",
    ]);
    expect(read.skipped).toEqual([
      "exercises/drafts/old.json",
      "notes/meta.json",
      "package.json",
      "course.json.bak",
    ]);
  });

  it("reads the course folder beside a README at the root", async () => {
    const archive = tar([
      entry("README.txt", "Unpack and import dlt/."),
      entry("notes.json", "{}"),
      entry("dlt/exercises/tent-h2.json", "{}"),
      entry("dlt/course.json", "{}"),
    ]);
    const read = await readCourseArchive("rootreadme.tar", archive, MAX);
    expect(read.folder).toBe("dlt/");
    expect(read.files.map((file) => file.name)).toEqual([
      "rootreadme.tar/dlt/exercises/tent-h2.json",
      "rootreadme.tar/dlt/course.json",
    ]);
    expect(read.skipped).toEqual(["README.txt", "notes.json"]);
    expect(describeCourseArchive(read)).toBe(
      "Read the course folder dlt/ of rootreadme.tar. Skipped, as not part of a course folder: " +
        "README.txt, notes.json.",
    );
  });

  it("rejects two course folders", async () => {
    const archive = tar([
      entry("dlt/course.json", "{}"),
      entry("dlt/exercises/tent-h2.json", "{}"),
      entry("dlt2/course.json", "{}"),
      entry("dlt2/exercises/tent-h2.json", "{}"),
      entry("docs/README.md", "# Notes"),
    ]);
    expect((await readError("twotop.tar", archive)).reason).toBe(
      "contains 2 course folders, dlt/ and dlt2/: import one course at a time, from an archive " +
        "of its folder alone",
    );
    const rootAndFolder = tar([
      entry("course.json", "{}"),
      entry("a/exercises/x.json", "{}"),
      entry("b/course.json", "{}"),
    ]);
    expect((await readError("three.tar", rootAndFolder)).reason).toBe(
      "contains 3 course folders, the root, a/ and b/: import one course at a time, from an " +
        "archive of its folder alone",
    );
  });

  it("reads exercises/ at the root", async () => {
    const read = await readCourseArchive(
      "exercises.tar",
      tar([entry("exercises/a.json", "{}"), entry("exercises/b.json", "{}")]),
      MAX,
    );
    expect(read.folder).toBe("");
    expect(read.files).toHaveLength(2);
  });

  it("unpacks a .tar.gz", async () => {
    const read = await readCourseArchive("mac.tar.gz", gzipSync(tar(MAC_ENTRIES)), MAX);
    expect(read.files.map((file) => file.name)).toEqual([
      "mac.tar.gz/course.json",
      "mac.tar.gz/exercises/tent-h2.json",
    ]);
    expect(read.skipped).toHaveLength(3);
  });

  it("rejects a .tar.gz that unpacks past the maximum", async () => {
    const big = tar([entry("exercises/a.json", " ".repeat(2 * MAX))]);
    const error = await readError("big.tar.gz", gzipSync(big));
    expect(error.file).toBe("big.tar.gz");
    expect(error.reason).toBe(
      "unpacks to more than 1,024 KiB, the maximum: import the exercises in smaller parts",
    );
  });

  it("names the format of other archives", async () => {
    const zip = await readError("course.zip", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0]));
    expect(zip.reason).toMatch(/^is a zip archive, which the import does not read: unpack it/);
    const xz = Uint8Array.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0, 4]);
    expect((await readError("course.tar.xz", xz)).reason).toBe(
      "is an xz (.xz) archive, which the import does not read: unpack it to a .tar first, " +
        "or choose exercise .json files or a course archive as .tar or .tar.gz",
    );
    const gzippedJson = gzipSync(encoder.encode('{"id":"a"}'));
    expect((await readError("a.json.gz", gzippedJson)).reason).toMatch(
      /^is a gzip file without a tar archive inside/,
    );
  });

  it("rejects damaged and empty archives", async () => {
    const renamed = await readError("course.tar", encoder.encode('{"id":"a"}'));
    expect(renamed.reason).toMatch(/^is not a tar archive: choose exercise \.json files/);
    const cut = tar([entry("exercises/a.json", "x".repeat(2000))]).subarray(0, 1024);
    expect((await readError("cut.tar", cut)).reason).toBe(
      "is damaged, because the tar archive is cut short: pack the course folder again",
    );
    const damaged = tar([entry("a.json", "{}"), entry("b.json", "{}")]);
    damaged[1024] = 0x41;
    expect((await readError("damaged.tar", damaged)).reason).toBe(
      "is damaged, because the tar header at byte 1024 has a wrong checksum: pack the course " +
        "folder again",
    );
    const onlyHidden = tar([appleDouble("./._course.json"), entry("README.md", "# Notes")]);
    expect((await readError("hidden.tar", onlyHidden)).reason).toBe(
      "contains no course folder, which is a folder with course.json or exercises/*.json, at the " +
        "root or inside one top folder: pack the course folder, or choose its .json files",
    );
    const noExercises = tar([entry("course/exercises/README.md", "# Notes")]);
    expect((await readError("empty.tar", noExercises)).reason).toBe(
      "contains no course.json and no exercises/*.json in course/: choose exercise .json files " +
        "or a course archive as .tar or .tar.gz",
    );
    const gzipped = gzipSync(tar(MAC_ENTRIES));
    expect((await readError("cut.tar.gz", gzipped.subarray(0, 40))).reason).toBe(
      "is a damaged gzip file: pack the course folder again",
    );
  });
});

describe("detectArchiveFormat", () => {
  it.each([
    ["tar", tar([entry("a.json", "{}")])],
    ["gzip", Uint8Array.from([0x1f, 0x8b, 8, 0])],
    ["zip", Uint8Array.from([0x50, 0x4b, 0x03, 0x04])],
    ["bzip2", encoder.encode("BZh91AY&SY")],
    ["7z", Uint8Array.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4])],
    [null, encoder.encode('{"id":"tent-h2"}')],
    [null, encoder.encode(`{"statement":"${" ".repeat(600)}"}`)],
  ])("detects %s", (format, bytes) => {
    expect(detectArchiveFormat(bytes)).toBe(format);
  });
});

describe("describeCourseArchive", () => {
  it("names the folder and the skipped files", () => {
    const read = { archive: "nested.tar", folder: "course/", files: [] };
    expect(describeCourseArchive({ ...read, skipped: [] })).toBe(
      "Read the course folder course/ of nested.tar.",
    );
    expect(describeCourseArchive({ ...read, skipped: ["README.md", "._tent-h2.json"] })).toBe(
      "Read the course folder course/ of nested.tar. Skipped, as not part of a course folder: " +
        "README.md, 1 macOS metadata file (._*).",
    );
    const many = Array.from({ length: 23 }, (_, index) => `plot-${index}.png`);
    expect(describeCourseArchive({ ...read, folder: "", skipped: many })).toBe(
      "Read the course folder at the root of nested.tar. Skipped, as not part of a course " +
        `folder: ${many.slice(0, 20).join(", ")}, 3 more.`,
    );
  });

  it("counts AppleDouble files instead of naming them", async () => {
    const ids = Array.from({ length: 11 }, (_, index) => `e${index}`);
    const archive = tar([
      appleDouble("._dlt"),
      entry("dlt/course.json", "{}"),
      entry("dlt/.DS_Store", "Bud1"),
      ...ids.map((id) => entry(`dlt/exercises/${id}.json`, "{}")),
      ...ids.map((id) => appleDouble(`dlt/exercises/._${id}.json`)),
      entry("dlt/README.md", "# Notes"),
    ]);
    const read = await readCourseArchive("mactop.tar", archive, MAX);
    expect(read.folder).toBe("dlt/");
    expect(read.files).toHaveLength(12);
    expect(read.skipped).toHaveLength(14);
    expect(describeCourseArchive(read)).toBe(
      "Read the course folder dlt/ of mactop.tar. Skipped, as not part of a course folder: " +
        ".DS_Store, README.md, 12 macOS metadata files (._*).",
    );
  });
});

describe("readTar", () => {
  const folder = mkdtempSync(join(tmpdir(), "sawtooth-tar-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  // GNU tar stores a path over 100 bytes as a long-name entry, and pax as an extended header.
  it.each(["gnu", "pax", "ustar"])("reads long paths of GNU tar's %s format", (format) => {
    const id = "x".repeat(80);
    const course = join(folder, format, "a-course-folder-with-a-long-name");
    mkdirSync(join(course, "exercises"), { recursive: true });
    writeFileSync(join(course, "exercises", `${id}.json`), '{"id":"long"}');
    const archive = join(folder, `${format}.tar`);
    execFileSync("tar", [`--format=${format}`, "-cf", archive, "-C", join(folder, format), "."]);

    const entries = readTar(new Uint8Array(readFileSync(archive)));
    expect(entries.map((file) => file.path)).toEqual([
      `./a-course-folder-with-a-long-name/exercises/${id}.json`,
    ]);
    expect(new TextDecoder().decode(entries[0]?.data)).toBe('{"id":"long"}');
  });
});
