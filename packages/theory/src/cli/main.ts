import { EXIT, run, type CliContext } from "./run";

// `pnpm theory` runs this file inside packages/theory, and pnpm sets INIT_CWD to the folder the
// command was typed in, so relative file arguments resolve against the user's folder.
// A reader that stops early, such as `| head`, closes the pipe; the rest of the output is not
// wanted, so the command ends quietly instead of failing with EPIPE.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? EXIT.ok);
});

const context: CliContext = {
  cwd: process.env["INIT_CWD"] ?? process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: () => process.stdin,
};

try {
  process.exitCode = await run(process.argv.slice(2), context);
} catch (error) {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(
    `internal error: the grader failed; please report this with the input.\n${detail}\n`,
  );
  process.exitCode = EXIT.internal;
}
