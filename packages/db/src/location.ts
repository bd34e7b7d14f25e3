import { existsSync } from "node:fs";
import path from "node:path";

/** Name of the file that marks the repository root. */
const WORKSPACE_MARKER = "pnpm-workspace.yaml";

/**
 * Finds the repository root by walking up from `start` to the folder holding
 * `pnpm-workspace.yaml`. The web server runs from `apps/web` and the scripts from the root or a
 * package folder, and bundling moves this file, so the search starts from the working directory.
 */
export function findRepositoryRoot(start: string = process.cwd()): string {
  // The ignore comment keeps Turbopack from tracing the whole repository into the server output.
  let folder = path.resolve(/*turbopackIgnore: true*/ start);
  for (;;) {
    if (existsSync(path.join(folder, WORKSPACE_MARKER))) {
      return folder;
    }
    const parent = path.dirname(folder);
    if (parent === folder) {
      throw new Error(
        `Repository root not found: no ${WORKSPACE_MARKER} above ${start}. ` +
          "Run Sawtooth from inside its repository.",
      );
    }
    folder = parent;
  }
}

/** Folder for the embedded database and the generated auth secret: `<repository>/data`. */
export function dataDirectory(root: string = findRepositoryRoot()): string {
  return path.join(root, "data");
}

/** URL of the embedded demo database, `file:<repository>/data/sawtooth.db`. */
export function embeddedDatabaseUrl(root: string = findRepositoryRoot()): string {
  return `file:${path.join(dataDirectory(root), "sawtooth.db")}`;
}

/** Returns `DATABASE_URL`, or the embedded database's URL when it is unset or empty. */
export function resolveDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env["DATABASE_URL"];
  return url ? url : embeddedDatabaseUrl();
}

/** Checks whether `url` names the embedded demo database, which gets demo accounts by default. */
export function isEmbeddedDatabase(url: string, root: string = findRepositoryRoot()): boolean {
  return url === embeddedDatabaseUrl(root);
}
