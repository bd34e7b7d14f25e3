"use client";

import { useId } from "react";

import { ACTIVATION_NAMES, type ActivationChoice } from "./editor-state";
import { NumberCell } from "./number-cell";

interface ActivationSelectProps {
  label: string;
  /** The submission field, `activation` or `outputActivation`, for the slope's messages. */
  field: "activation" | "outputActivation";
  choice: ActivationChoice;
  onChange: (choice: ActivationChoice) => void;
}

const NAMES: Record<string, string> = {
  relu: "ReLU",
  identity: "identity",
  "leaky-relu": "leaky ReLU",
  abs: "|x|",
  "hard-tanh": "hard tanh",
};

/** Renders a select of the engine's activations, with a slope cell for the leaky ReLU. */
export function ActivationSelect({ label, field, choice, onChange }: ActivationSelectProps) {
  const id = useId();
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <select
        id={id}
        value={choice.name}
        onChange={(event) =>
          onChange({ ...choice, name: event.target.value as ActivationChoice["name"] })
        }
        className="rounded border border-slate-300 bg-white px-2 py-1"
      >
        {ACTIVATION_NAMES.map((name) => (
          <option key={name} value={name}>
            {NAMES[name]}
          </option>
        ))}
      </select>
      {choice.name === "leaky-relu" && (
        <span className="flex items-center gap-1">
          <span aria-hidden="true">slope</span>
          <NumberCell
            label={`${label} slope`}
            value={choice.slope}
            place={{ field }}
            onChange={(slope) => onChange({ ...choice, slope })}
          />
        </span>
      )}
    </div>
  );
}
