export * from "./load.js";
export * from "./location.js";
