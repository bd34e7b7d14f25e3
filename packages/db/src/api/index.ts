export * from "./rate-limit";
export * from "./tokens";
