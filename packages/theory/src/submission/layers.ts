import type { Layer } from "../network/network";
import type { Rational } from "../rational";
import {
  formatJsonArray,
  readBiases,
  readWeights,
  type BiasesVector,
  type WeightsGrid,
} from "./cells";
import { NETWORK_LIMITS, type Place, type ProblemList } from "./problem";

/** One layer as submitted, before any check, with the places its problems are reported at. */
export interface RawLayer {
  weights: unknown;
  biases: unknown;
  weightsPlace: Place;
  biasesPlace: Place;
}

interface ReadLayer {
  raw: RawLayer;
  weights: WeightsGrid;
  biases: BiasesVector;
}

/**
 * Checks the sizes, cells and shapes of submitted layers and returns them as exact layers, or
 * undefined when any problem was recorded. Sizes are checked first, from array lengths only,
 * so an oversized submission is rejected before its cells are parsed.
 */
export function readLayers(
  rawLayers: RawLayer[],
  place: Place,
  problems: ProblemList,
): Layer[] | undefined {
  if (rawLayers.length === 0) {
    problems.add({ code: "no-layers", place });
    return undefined;
  }
  if (!checkSizes(rawLayers, place, problems)) return undefined;

  const layers = rawLayers.map((raw) => ({
    raw,
    weights: readWeights(raw.weights, raw.weightsPlace, problems),
    biases: readBiases(raw.biases, raw.biasesPlace, problems),
  }));
  checkChain(layers, problems);
  if (!problems.isEmpty) return undefined;

  return layers.map(({ weights, biases }) => {
    if (weights.kind !== "matrix" || biases.kind !== "vector") {
      throw new Error("a layer without problems has a matrix and a vector");
    }
    return {
      weights: weights.cells.map((row) => row.map(defined)),
      biases: biases.cells.map(defined),
    };
  });
}

function defined(cell: Rational | undefined): Rational {
  if (cell === undefined) throw new Error("a layer without problems has no unread cell");
  return cell;
}

/** Records a `too-big` problem for each exceeded bound; returns true when none is exceeded. */
function checkSizes(rawLayers: RawLayer[], place: Place, problems: ProblemList): boolean {
  const { maxLayers, maxNeurons, maxParameters } = NETWORK_LIMITS;
  if (rawLayers.length > maxLayers) {
    problems.add({
      code: "too-big",
      place,
      limit: "layers",
      bound: maxLayers,
      received: rawLayers.length,
    });
    return false;
  }

  let fits = true;
  let parameters = 0;
  for (const { weights, biases, weightsPlace, biasesPlace } of rawLayers) {
    const rows = Array.isArray(weights) ? weights : [weights];
    if (rows.length > maxNeurons) {
      const received = rows.length;
      problems.add({
        code: "too-big",
        place: weightsPlace,
        limit: "neurons",
        bound: maxNeurons,
        received,
      });
      fits = false;
      continue;
    }
    let widest = 0;
    for (const row of rows) {
      const length = Array.isArray(row) ? row.length : 1;
      widest = Math.max(widest, length);
      parameters += length;
    }
    const biasCount = Array.isArray(biases) ? biases.length : 1;
    parameters += biasCount;

    const exceeded = [
      { place: weightsPlace, limit: "inputs", received: widest },
      { place: biasesPlace, limit: "neurons", received: biasCount },
    ] as const;
    for (const { place: at, limit, received } of exceeded) {
      if (received <= maxNeurons) continue;
      problems.add({ code: "too-big", place: at, limit, bound: maxNeurons, received });
      fits = false;
    }
  }
  if (fits && parameters > maxParameters) {
    problems.add({
      code: "too-big",
      place,
      limit: "parameters",
      bound: maxParameters,
      received: parameters,
    });
    fits = false;
  }
  return fits;
}

/**
 * Checks each layer's weights against its biases and the previous layer's neuron count. The
 * biases fix the neuron count unless the weights' rows and the next layer disagree with them.
 */
function checkChain(layers: ReadLayer[], problems: ProblemList): void {
  let inputs: number | undefined;
  for (const layer of layers) {
    inputs = checkLayer(layer, inputs, problems);
  }
}

/** Checks one layer that takes `inputs` inputs (undefined when unknown); returns its neuron count. */
function checkLayer(
  layer: ReadLayer,
  inputs: number | undefined,
  problems: ProblemList,
): number | undefined {
  const { weights, biases, raw } = layer;
  const biasCount = biases.kind === "vector" ? biases.count : undefined;
  const place = raw.weightsPlace;

  if (weights.kind === "vector") {
    const suggestions = suggestMatrices(weights.raw, biasCount, inputs);
    problems.add({
      code: "expected-matrix",
      place,
      received: describeVector(weights.raw),
      suggestions,
    });
    return biasCount;
  }
  if (weights.kind === "invalid") return biasCount;

  const { rows, columns } = weights.shape;
  if (biasCount === undefined || rows === biasCount) {
    if (inputs !== undefined && columns !== inputs) {
      problems.add({ code: "input-mismatch", place, expected: inputs, received: columns });
    }
    return rows;
  }

  const transposed = columns === biasCount && (inputs === undefined || rows === inputs);
  if (transposed || (inputs !== undefined && columns !== inputs)) {
    const expected = { rows: biasCount, columns: inputs ?? rows };
    problems.add({ code: "weights-shape", place, expected, received: weights.shape, transposed });
    return biasCount;
  }
  problems.add({
    code: "bias-length",
    place: raw.biasesPlace,
    expected: rows,
    received: biasCount,
  });
  return rows;
}

function describeVector(raw: unknown[]): string {
  return raw.length === 1 && !Array.isArray(raw[0])
    ? "a single number"
    : `a flat list of ${raw.length} numbers`;
}

/**
 * Proposes the matrices a flat weights list may have meant: a column (one neuron per entry,
 * one input) or a row (one neuron, one input per entry), keeping those that fit the layer.
 */
function suggestMatrices(
  raw: unknown[],
  biasCount: number | undefined,
  inputs: number | undefined,
): string[] {
  const columnRows = raw.slice(0, 8).map((cell) => formatJsonArray([cell]));
  if (raw.length > 8) columnRows.push("…");
  const asColumn = `[${columnRows.join(", ")}]`;
  const asRow = `[${formatJsonArray(raw)}]`;
  if (raw.length === 1) return [asRow];

  const columnFits =
    (biasCount === undefined || biasCount === raw.length) && (inputs === undefined || inputs === 1);
  const rowFits =
    (biasCount === undefined || biasCount === 1) && (inputs === undefined || inputs === raw.length);
  if (columnFits && !rowFits) return [asColumn];
  if (rowFits && !columnFits) return [asRow];
  return [asColumn, asRow];
}
