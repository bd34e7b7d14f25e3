"use client";

import type { ExerciseForm } from "@/lib/exercise-form";

import { SelectField, TextArea, TextField } from "../admin-ui";

/** The fields of the chosen target kind, as the engine's exercise schema defines them. */
export function TargetFields({
  form,
  setForm,
}: {
  form: ExerciseForm;
  setForm: (update: (current: ExerciseForm) => ExerciseForm) => void;
}) {
  const set =
    <K extends keyof ExerciseForm>(key: K) =>
    (value: ExerciseForm[K]) =>
      setForm((current) => ({ ...current, [key]: value }));

  switch (form.targetKind) {
    case "tent":
      return (
        <SelectField
          label="Tent variant"
          value={form.tentVariant}
          options={["h2", "h3"] as const}
          onChange={set("tentVariant")}
        />
      );
    case "sawtooth":
      return (
        <TextField
          label="Sawtooth k"
          value={form.sawtoothK}
          onChange={set("sawtoothK")}
          hint="f^k, the k-fold composition of h3; 1 to 64."
        />
      );
    case "points":
      return (
        <div className="grid grid-cols-3 gap-3">
          <TextArea
            label="Breakpoints"
            value={form.points}
            onChange={set("points")}
            hint='One "x, y" per line, x increasing.'
          />
          <TextField label="Left slope" value={form.leftSlope} onChange={set("leftSlope")} />
          <TextField label="Right slope" value={form.rightSlope} onChange={set("rightSlope")} />
        </div>
      );
    case "network":
      return (
        <TextArea
          label="Target network"
          value={form.targetNetwork}
          onChange={set("targetNetwork")}
          hint="A network in the native JSON format whose function is the target."
        />
      );
    case "polynomial":
      return (
        <div className="grid grid-cols-2 gap-3">
          <TextField
            label="Coefficients"
            value={form.coefficients}
            onChange={set("coefficients")}
            hint="From the constant term up, comma-separated: 0, 0, 1 is x²."
          />
          <TextField
            label="Tolerance"
            value={form.tolerance}
            onChange={set("tolerance")}
            hint="Largest accepted sup-norm error on the domain, such as 1/256."
          />
        </div>
      );
    case "classification":
      return (
        <div className="grid grid-cols-3 gap-3">
          <TextArea
            label="Labelled points"
            value={form.labelledPoints}
            onChange={set("labelledPoints")}
            hint='One "x, label" per line with label 0 or 1.'
          />
          <TextField label="Threshold" value={form.threshold} onChange={set("threshold")} />
          <TextField label="Maximum error" value={form.maxError} onChange={set("maxError")} />
        </div>
      );
    case "pieces":
      return (
        <div className="grid grid-cols-2 gap-3">
          <SelectField
            label="Piece count relation"
            value={form.piecesRelation}
            options={["at-least", "exactly"] as const}
            onChange={set("piecesRelation")}
          />
          <TextField label="Piece count" value={form.piecesCount} onChange={set("piecesCount")} />
        </div>
      );
  }
}
