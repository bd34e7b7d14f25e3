export * from "./json.js";
export * from "./problem.js";
export * from "./messages.js";
export { DEFAULT_ACTIVATIONS } from "./native.js";
export { commonPrefix, type LayerMapping } from "./state-dict.js";
export * from "./submission.js";
