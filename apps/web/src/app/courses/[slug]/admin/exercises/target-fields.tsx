"use client";

import { FormSelect, FormText, useEditorFields } from "./form-fields";

/** The fields of the chosen target kind, as the engine's exercise schema defines them. */
export function TargetFields() {
  const { form } = useEditorFields();

  switch (form.targetKind) {
    case "tent":
      return <FormSelect name="tentVariant" label="Tent variant" options={["h2", "h3"]} />;
    case "sawtooth":
      return (
        <FormText
          name="sawtoothK"
          label="Sawtooth k"
          hint="f^k, the k-fold composition of h3; 1 to 64."
        />
      );
    case "points":
      return (
        <div className="grid grid-cols-3 gap-3">
          <FormText
            name="points"
            label="Breakpoints"
            rows={6}
            hint='One "x, y" per line, x increasing.'
          />
          <FormText name="leftSlope" label="Left slope" hint="Empty for 0." />
          <FormText name="rightSlope" label="Right slope" hint="Empty for 0." />
        </div>
      );
    case "network":
      return (
        <FormText
          name="targetNetwork"
          label="Target network"
          rows={6}
          hint="A network in the native JSON format whose function is the target."
        />
      );
    case "polynomial":
      return (
        <div className="grid grid-cols-2 gap-3">
          <FormText
            name="coefficients"
            label="Coefficients"
            hint="From the constant term up, comma-separated: 0, 0, 1 is x²."
          />
          <FormText
            name="tolerance"
            label="Tolerance"
            hint="Largest accepted sup-norm error on the domain, more than 0, such as 1/256."
          />
        </div>
      );
    case "classification":
      return (
        <div className="grid grid-cols-3 gap-3">
          <FormText
            name="labelledPoints"
            label="Labelled points"
            rows={6}
            hint='One "x, label" per line with label 0 or 1.'
          />
          <FormText
            name="threshold"
            label="Threshold"
            hint="An output at or above it counts as class 1, below it as class 0; Telgarsky uses 1/2."
          />
          <FormText
            name="maxError"
            label="Maximum error"
            hint="Largest accepted share of misclassified points, from 0 to 1."
          />
        </div>
      );
    case "pieces":
      return (
        <div className="grid grid-cols-2 gap-3">
          <FormSelect
            name="piecesRelation"
            label="Piece count relation"
            options={["at-least", "exactly"]}
          />
          <FormText name="piecesCount" label="Piece count" />
        </div>
      );
  }
}
