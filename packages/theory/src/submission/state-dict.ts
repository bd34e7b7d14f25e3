import { z } from "zod";

import type { Network } from "../network/network";
import { checkFields, isRecord } from "./fields";
import { readLayers, type RawLayer } from "./layers";
import { readActivations } from "./native";
import type { ProblemList } from "./problem";

/** The layer a state_dict module became: `{ key: "2", layer: 2 }`. */
export interface LayerMapping {
  /** The module index in the state_dict keys, after any prefix is stripped. */
  key: string;
  /** The 1-based layer number in the network. */
  layer: number;
}

export interface StateDictNetwork {
  network: Network;
  mapping: LayerMapping[];
  /** Assumptions and changes the reader made, e.g. "stripped prefix module.". */
  notes: string[];
}

const wrapperSchema = z.strictObject({
  state_dict: z.record(z.string(), z.unknown()),
  activation: z.unknown().optional(),
  outputActivation: z.unknown().optional(),
});

const LINEAR_KEY = /^(\d{1,9})\.([A-Za-z_]\w*)$/;

/** One nn.Linear module: its index and the original keys of its parameters. */
interface LinearModule {
  index: number;
  indexText: string;
  weightKey?: string;
  biasKey?: string;
}

/**
 * Reads a PyTorch `state_dict` of an `nn.Sequential` of `nn.Linear` layers exported as JSON,
 * bare or wrapped as `{"state_dict": {...}, "activation": ..., "outputActivation": ...}`.
 * Modules are ordered by their numeric index; activations default to ReLU between layers and
 * the identity on the output, since a state_dict stores no activation.
 */
export function readStateDictNetwork(
  value: unknown,
  problems: ProblemList,
): StateDictNetwork | undefined {
  const input = unwrap(value, problems);
  if (input === undefined) return undefined;

  const notes: string[] = [];
  const prefix = commonPrefix(Object.keys(input.dict));
  if (prefix !== "") notes.push(`stripped prefix ${prefix}`);
  const modules = groupModules(input.dict, prefix, problems);
  const activations = readActivations(input.fields, problems);
  if (modules === undefined) return undefined;

  const rawLayers: RawLayer[] = modules.map((module, position) => ({
    weights: input.dict[module.weightKey ?? ""],
    biases: input.dict[module.biasKey ?? ""],
    weightsPlace: { layer: position + 1, key: module.weightKey ?? "" },
    biasesPlace: { layer: position + 1, key: module.biasKey ?? "" },
  }));
  const layers = readLayers(rawLayers, {}, problems);
  if (layers === undefined || activations === undefined) return undefined;

  const mapping = modules.map((module, position) => ({
    key: module.indexText,
    layer: position + 1,
  }));
  return { network: { layers, ...activations }, mapping, notes };
}

function unwrap(
  value: unknown,
  problems: ProblemList,
):
  | { dict: Record<string, unknown>; fields: { activation?: unknown; outputActivation?: unknown } }
  | undefined {
  if (!isRecord(value) || !Object.hasOwn(value, "state_dict")) {
    return isRecord(value) ? { dict: value, fields: {} } : undefined;
  }
  const wrapper = checkFields(value, wrapperSchema, ["state_dict"], {}, problems);
  if (wrapper === undefined) return undefined;
  return { dict: wrapper.state_dict, fields: wrapper };
}

/**
 * Returns the dotted prefix every key shares and that is not a module index, such as
 * `module.` from DataParallel or `net.`, possibly several levels deep (`module.net.`).
 */
export function commonPrefix(keys: string[]): string {
  let prefix = "";
  for (;;) {
    const rest = keys.map((key) => key.slice(prefix.length));
    const first = rest[0]?.split(".")[0];
    if (first === undefined || /^\d+$/.test(first)) return prefix;
    const segment = `${first}.`;
    const shared = rest.every(
      (key) => key.startsWith(segment) && key.indexOf(".", segment.length) > 0,
    );
    if (!shared) return prefix;
    prefix += segment;
  }
}

/** Groups keys into Linear modules by index, in numeric order; undefined after a problem. */
function groupModules(
  dict: Record<string, unknown>,
  prefix: string,
  problems: ProblemList,
): LinearModule[] | undefined {
  const keys = Object.keys(dict);
  const modules = new Map<number, LinearModule>();
  const failed = new Set<number>();
  for (const key of keys) {
    const match = LINEAR_KEY.exec(key.slice(prefix.length));
    if (match === null) {
      problems.add({ code: "unparseable-key", place: { key }, key });
      continue;
    }
    const indexText = match[1] ?? "";
    const parameter = match[2] ?? "";
    const index = Number(indexText);
    const module = modules.get(index) ?? { index, indexText };
    modules.set(index, module);
    if (parameter !== "weight" && parameter !== "bias") {
      problems.add({ code: "non-linear-key", place: { key }, key });
      failed.add(index);
    } else if (module.indexText !== indexText || module[`${parameter}Key`] !== undefined) {
      problems.add({ code: "duplicate-key", place: { key }, key });
      failed.add(index);
    } else {
      module[`${parameter}Key`] = key;
    }
  }

  const ordered = [...modules.values()].sort((a, b) => a.index - b.index);
  for (const module of ordered) {
    if (failed.has(module.index)) continue;
    if (module.weightKey === undefined && module.biasKey !== undefined) {
      problems.add({ code: "missing-weight", place: { key: module.biasKey }, key: module.biasKey });
    }
    if (module.biasKey === undefined && module.weightKey !== undefined) {
      problems.add({
        code: "missing-bias",
        place: { key: module.weightKey },
        key: module.weightKey,
      });
    }
  }
  return problems.isEmpty ? ordered : undefined;
}
