export * from "./rational.js";
export * from "./network/activation.js";
export * from "./network/network.js";
