export * from "./attempt-detail";
export * from "./attempt-list";
export * from "./comments";
export * from "./dashboard";
export * from "./gradebook";
export * from "./mistakes";
export * from "./score-overrides";
