import { ExactNumber } from "@/components/exact-number";

/** Lemma 2.1's figures for one architecture: activation pieces t, width m and depth ℓ. */
export interface BoundFigures {
  t: number;
  m: number;
  depth: number;
}

/**
 * Writes Lemma 2.1's piece bound as `(t·m)^ℓ = value`, with the figures in between when given:
 * `(t·m)^ℓ = (2·2)^2 = 16`. The live preview and the feedback both use it, so the bound reads
 * the same in both. The exponent is a superscript, and a caret that only screen readers and
 * copied text get keeps it from reading as `(t·m)ℓ`. A value of many digits is shortened.
 */
export function PieceBound({ figures, value }: { figures?: BoundFigures; value: string }) {
  return (
    <>
      <Power base="(t·m)" exponent="ℓ" /> ={" "}
      {figures && (
        <>
          <Power base={`(${figures.t}·${figures.m})`} exponent={String(figures.depth)} /> ={" "}
        </>
      )}
      <span className="break-all">
        <ExactNumber value={value} />
      </span>
    </>
  );
}

function Power({ base, exponent }: { base: string; exponent: string }) {
  return (
    <>
      {base}
      <sup>
        <span className="sr-only">^</span>
        {exponent}
      </sup>
    </>
  );
}
