// The busboy 1.x parser that Next.js 16.5 bundles and reads server action bodies with. Only the
// part of its API that `src/server/action-form.ts` uses is declared.
declare module "next/dist/compiled/busboy" {
  import type { Readable, Writable } from "node:stream";

  interface BusboyConfig {
    headers: Record<string, string>;
    defParamCharset?: string;
    limits?: { fieldSize?: number };
  }

  interface PartInfo {
    encoding: string;
    mimeType: string;
  }

  interface Busboy extends Writable {
    // A part without a name in its Content-Disposition comes with an undefined name.
    on(
      event: "field",
      listener: (name: string | undefined, value: string, info: PartInfo) => void,
    ): this;
    on(
      event: "file",
      listener: (
        name: string | undefined,
        stream: Readable,
        info: PartInfo & { filename?: string },
      ) => void,
    ): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  /** Creates a parser for the body. Throws when the content type is missing or malformed. */
  export default function busboy(config: BusboyConfig): Busboy;
}
