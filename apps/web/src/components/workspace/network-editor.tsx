"use client";

import { ActivationSelect } from "./activation-select";
import {
  addLayer,
  addNeuron,
  removeLayer,
  removeNeuron,
  setBias,
  setWeight,
  type EditorState,
} from "./editor-state";
import { LayerGrid } from "./layer-grid";

interface NetworkEditorProps {
  state: EditorState;
  onChange: (state: EditorState) => void;
}

/** Renders the grids of every layer, the layer buttons and the two activation selects. */
export function NetworkEditor({ state, onChange }: NetworkEditorProps) {
  const last = state.layers.length - 1;
  return (
    <div className="space-y-3">
      {state.layers.map((layer, index) => (
        <LayerGrid
          key={index}
          index={index}
          layer={layer}
          isOutput={index === last}
          removable={state.layers.length > 1}
          onWeight={(row, column, text) => onChange(setWeight(state, index, row, column, text))}
          onBias={(row, text) => onChange(setBias(state, index, row, text))}
          onAddNeuron={() => onChange(addNeuron(state, index))}
          onRemoveNeuron={() => onChange(removeNeuron(state, index))}
          onRemoveLayer={() => onChange(removeLayer(state, index))}
        />
      ))}
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <button
          type="button"
          onClick={() => onChange(addLayer(state))}
          className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100"
        >
          Add a hidden layer
        </button>
        <ActivationSelect
          label="Hidden activation"
          field="activation"
          choice={state.activation}
          onChange={(activation) => onChange({ ...state, activation })}
        />
        <ActivationSelect
          label="Output activation"
          field="outputActivation"
          choice={state.outputActivation}
          onChange={(outputActivation) => onChange({ ...state, outputActivation })}
        />
      </div>
    </div>
  );
}
