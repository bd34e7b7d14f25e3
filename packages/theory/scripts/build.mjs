// Compiles the engine to CommonJS in dist/, for code that Node runs without a bundler or a
// TypeScript loader: the web app's grading worker threads. CommonJS because the sources import
// each other without file extensions, which Node's ES module loader rejects. The package itself
// stays "type": "module", so dist/ gets a package.json of its own saying "commonjs".
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const packageFolder = fileURLToPath(new URL("..", import.meta.url));
const dist = new URL("../dist/", import.meta.url);
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

// Removed sources must not leave stale modules behind.
rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
  cwd: packageFolder,
  stdio: "inherit",
});
mkdirSync(dist, { recursive: true });
writeFileSync(new URL("package.json", dist), `${JSON.stringify({ type: "commonjs" })}\n`);
