"use client";

interface LayerControlsProps {
  layerNumber: number;
  neurons: number;
  /** False for the only layer, which cannot be removed. */
  removable: boolean;
  onAddNeuron: () => void;
  onRemoveNeuron: () => void;
  onRemoveLayer: () => void;
}

const buttonClass =
  "rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50";

/** Buttons that add or remove a layer's neurons or remove the layer. */
export function LayerControls(props: LayerControlsProps) {
  const { layerNumber, neurons } = props;
  return (
    <div className="flex flex-wrap gap-2">
      <button
        type="button"
        aria-label={`Add a neuron to layer ${layerNumber}`}
        onClick={props.onAddNeuron}
        className={buttonClass}
      >
        + neuron
      </button>
      <button
        type="button"
        aria-label={`Remove the last neuron of layer ${layerNumber}`}
        disabled={neurons <= 1}
        onClick={props.onRemoveNeuron}
        className={buttonClass}
      >
        − neuron
      </button>
      <button
        type="button"
        aria-label={`Remove layer ${layerNumber}`}
        disabled={!props.removable}
        onClick={props.onRemoveLayer}
        className={buttonClass}
      >
        Remove layer
      </button>
    </div>
  );
}
