import { fileURLToPath } from "node:url";

/**
 * Folder of the lecture's course, `packages/courses/deep-learning-theory` in the repository,
 * found from this file's own place so it works from any working directory.
 */
export const DEFAULT_COURSE_FOLDER: string = fileURLToPath(
  new URL("../../../courses/deep-learning-theory/", import.meta.url),
);
