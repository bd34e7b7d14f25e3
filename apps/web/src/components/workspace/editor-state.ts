import type { ActivationName } from "@sawtooth/theory";

import type { ConstraintsView } from "@/lib/submission-contract";

/** One layer's cells as typed: `weights` has one row per neuron and one column per input. */
export interface LayerCells {
  weights: string[][];
  biases: string[];
}

/** An activation as chosen in a select; `slope` is the leaky ReLU's slope cell as typed. */
export interface ActivationChoice {
  name: ActivationName;
  slope: string;
}

/** The network editor's content: every cell as the student typed it, valid or not. */
export interface EditorState {
  layers: LayerCells[];
  activation: ActivationChoice;
  outputActivation: ActivationChoice;
}

export const ACTIVATION_NAMES: ActivationName[] = [
  "relu",
  "identity",
  "leaky-relu",
  "abs",
  "hard-tanh",
];

/** The slope a leaky ReLU starts with when the student picks it. */
export const DEFAULT_SLOPE = "1/10";

/** The text of a new cell. */
const NEW_CELL = "0";

function filled(rows: number, columns: number): string[][] {
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => NEW_CELL));
}

function layerOf(neurons: number, inputs: number): LayerCells {
  return { weights: filled(neurons, inputs), biases: Array.from({ length: neurons }, () => "0") };
}

/**
 * Builds the editor a student starts from: one hidden layer of width 2 (narrower when the
 * exercise allows less) and an output layer, every cell 0, with the first allowed activations.
 */
export function initialEditor(constraints: ConstraintsView): EditorState {
  const { inputs, outputs } = constraints;
  const hiddenWidth = Math.min(2, constraints.maxWidth ?? 2);
  const layers =
    constraints.maxDepth === 1
      ? [layerOf(outputs, inputs)]
      : [layerOf(hiddenWidth, inputs), layerOf(outputs, hiddenWidth)];
  const activation = (constraints.activations?.[0] ?? "relu") as ActivationName;
  const output = (constraints.outputActivations?.[0] ?? "identity") as ActivationName;
  return {
    layers,
    activation: { name: activation, slope: DEFAULT_SLOPE },
    outputActivation: { name: output, slope: DEFAULT_SLOPE },
  };
}

/** Returns the number of neurons of a layer. */
export function neuronCount(layer: LayerCells): number {
  return layer.biases.length;
}

/** Returns the number of inputs a layer takes. */
export function inputCountOf(layer: LayerCells): number {
  return layer.weights[0]?.length ?? 0;
}

/** Inserts a layer before the output layer, as wide as the layer before it, every cell 0. */
export function addLayer(state: EditorState): EditorState {
  const layers = state.layers;
  const output = layers[layers.length - 1];
  if (output === undefined) return state;
  const width = inputCountOf(output);
  const hidden = layerOf(width, width);
  return { ...state, layers: [...layers.slice(0, -1), hidden, output] };
}

/**
 * Removes a layer. The next layer then takes the removed layer's inputs, so its weight matrix
 * gains or loses columns (new ones 0). The last remaining layer cannot be removed.
 */
export function removeLayer(state: EditorState, index: number): EditorState {
  const removed = state.layers[index];
  if (removed === undefined || state.layers.length <= 1) return state;
  const layers = state.layers.filter((_, i) => i !== index);
  const next = layers[index];
  if (next !== undefined) layers[index] = withInputs(next, inputCountOf(removed));
  return { ...state, layers };
}

/** Adds a neuron to a layer, with zero weights, and a zero column to the next layer. */
export function addNeuron(state: EditorState, index: number): EditorState {
  return resizeLayer(state, index, +1);
}

/** Removes a layer's last neuron and the next layer's matching column; a layer keeps one. */
export function removeNeuron(state: EditorState, index: number): EditorState {
  return resizeLayer(state, index, -1);
}

function resizeLayer(state: EditorState, index: number, change: 1 | -1): EditorState {
  const layer = state.layers[index];
  if (layer === undefined) return state;
  const neurons = neuronCount(layer) + change;
  if (neurons < 1) return state;

  const layers = [...state.layers];
  layers[index] = withNeurons(layer, neurons);
  const next = layers[index + 1];
  if (next !== undefined) layers[index + 1] = withInputs(next, neurons);
  return { ...state, layers };
}

function withNeurons(layer: LayerCells, neurons: number): LayerCells {
  const inputs = inputCountOf(layer);
  const weights = layer.weights.slice(0, neurons);
  const biases = layer.biases.slice(0, neurons);
  while (weights.length < neurons) weights.push(Array.from({ length: inputs }, () => NEW_CELL));
  while (biases.length < neurons) biases.push(NEW_CELL);
  return { weights, biases };
}

function withInputs(layer: LayerCells, inputs: number): LayerCells {
  const weights = layer.weights.map((row) => {
    const kept = row.slice(0, inputs);
    while (kept.length < inputs) kept.push(NEW_CELL);
    return kept;
  });
  return { weights, biases: layer.biases };
}

/** Replaces one weight cell's text; `row` and `column` are 0-based. */
export function setWeight(
  state: EditorState,
  index: number,
  row: number,
  column: number,
  text: string,
): EditorState {
  const layers = state.layers.map((layer, i) => {
    if (i !== index) return layer;
    const weights = layer.weights.map((cells, r) =>
      r === row ? cells.map((cell, c) => (c === column ? text : cell)) : cells,
    );
    return { ...layer, weights };
  });
  return { ...state, layers };
}

/** Replaces one bias cell's text; `row` is 0-based. */
export function setBias(state: EditorState, index: number, row: number, text: string): EditorState {
  const layers = state.layers.map((layer, i) =>
    i === index ? { ...layer, biases: layer.biases.map((b, r) => (r === row ? text : b)) } : layer,
  );
  return { ...state, layers };
}
