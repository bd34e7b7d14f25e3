export * from "./json";
export * from "./problem";
export * from "./messages";
export { DEFAULT_ACTIVATIONS } from "./native";
export { commonPrefix, type LayerMapping } from "./state-dict";
export * from "./submission";
