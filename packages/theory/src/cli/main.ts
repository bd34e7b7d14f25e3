import { EXIT, run, type CliContext } from "./run";

// `pnpm theory` runs this file inside packages/theory, and pnpm sets INIT_CWD to the folder the
// command was typed in, so relative file arguments resolve against the user's folder.
const context: CliContext = {
  cwd: process.env["INIT_CWD"] ?? process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
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
