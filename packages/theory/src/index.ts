export * from "./rational.js";
export * from "./network/activation.js";
export * from "./network/network.js";
export * from "./analysis/arithmetic.js";
export * from "./analysis/domain.js";
export * from "./analysis/piecewise.js";
export * from "./analysis/analyze.js";
export * from "./submission/index.js";
