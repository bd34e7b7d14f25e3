import {
  architectureOf,
  describeProblem,
  readSubmission,
  type LayerMapping,
  type SubmissionFormat,
} from "@sawtooth/theory";

/** One layer's shape: `rows` neurons, each with `columns` inputs, and one bias per neuron. */
export interface LayerShape {
  layer: number;
  rows: number;
  columns: number;
}

/** The contents of an uploaded file, shown before they replace the editor's content. */
export type UploadSummary =
  | {
      ok: true;
      format: SubmissionFormat;
      /** For a state_dict, which module index became which layer. */
      mapping: LayerMapping[];
      shapes: LayerShape[];
      /** Assumptions the reader made, such as a stripped `module.` prefix. */
      notes: string[];
      parameters: number;
    }
  | { ok: false; messages: string[] };

/** Reads an uploaded submission with the engine and lists its format, mapping and shapes. */
export function summarizeUpload(text: string): UploadSummary {
  const read = readSubmission(text);
  if (!read.ok) return { ok: false, messages: read.problems.map(describeProblem) };

  const shapes = read.network.layers.map((layer, index) => ({
    layer: index + 1,
    rows: layer.biases.length,
    columns: layer.weights[0]?.length ?? 0,
  }));
  return {
    ok: true,
    format: read.format,
    mapping: read.mapping ?? [],
    shapes,
    notes: read.notes,
    parameters: architectureOf(read.network).parameters,
  };
}

/** Returns the name of a submission format as the README and the page write it. */
export function formatName(format: SubmissionFormat): string {
  return format === "native" ? "native format" : "PyTorch state_dict";
}
