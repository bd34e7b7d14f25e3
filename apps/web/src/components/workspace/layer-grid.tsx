"use client";

import { inputCountOf, neuronCount, type LayerCells } from "./editor-state";
import { LayerControls } from "./layer-controls";
import { NumberCell } from "./number-cell";

interface LayerGridProps {
  /** 0-based position of the layer. */
  index: number;
  layer: LayerCells;
  isOutput: boolean;
  removable: boolean;
  onWeight: (row: number, column: number, text: string) => void;
  onBias: (row: number, text: string) => void;
  onAddNeuron: () => void;
  onRemoveNeuron: () => void;
  onRemoveLayer: () => void;
}

/** Renders one layer as a table: a row per neuron with its weights, one per input, and its bias. */
export function LayerGrid(props: LayerGridProps) {
  const { index, layer } = props;
  const layerNumber = index + 1;
  const neurons = neuronCount(layer);
  const inputs = inputCountOf(layer);
  const kind = props.isOutput ? "output layer" : "hidden layer";

  return (
    <section
      aria-label={`Layer ${layerNumber}`}
      className="rounded-md border border-slate-200 bg-white p-3"
    >
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">
          Layer {layerNumber}{" "}
          <span className="font-normal text-slate-600">
            ({kind}: {neurons} × {inputs} weights and {neurons} {neurons === 1 ? "bias" : "biases"})
          </span>
        </h3>
        <LayerControls
          layerNumber={layerNumber}
          neurons={neurons}
          removable={props.removable}
          onAddNeuron={props.onAddNeuron}
          onRemoveNeuron={props.onRemoveNeuron}
          onRemoveLayer={props.onRemoveLayer}
        />
      </div>
      <div className="overflow-x-auto">
        <table className="border-separate border-spacing-1 text-xs text-slate-600">
          <thead>
            <tr>
              <th scope="col" className="sr-only">
                Neuron
              </th>
              {Array.from({ length: inputs }, (_, column) => (
                <th key={column} scope="col" className="font-normal">
                  in {column + 1}
                </th>
              ))}
              <th scope="col" className="pl-3 font-normal">
                bias
              </th>
            </tr>
          </thead>
          <tbody>
            {layer.weights.map((row, r) => (
              <tr key={r}>
                <th scope="row" className="pr-1 text-right font-normal">
                  n{r + 1}
                </th>
                {row.map((cell, c) => (
                  <td key={c}>
                    <NumberCell
                      label={`Layer ${layerNumber} weight, row ${r + 1}, column ${c + 1}`}
                      value={cell}
                      place={{ layer: layerNumber, field: "weights", row: r + 1, column: c + 1 }}
                      onChange={(text) => props.onWeight(r, c, text)}
                    />
                  </td>
                ))}
                <td className="pl-3">
                  <NumberCell
                    label={`Layer ${layerNumber} bias, row ${r + 1}`}
                    value={layer.biases[r] ?? ""}
                    place={{ layer: layerNumber, field: "biases", row: r + 1 }}
                    onChange={(text) => props.onBias(r, text)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
