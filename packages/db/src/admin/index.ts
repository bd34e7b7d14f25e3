export * from "./course-import";
export * from "./csv";
export * from "./exercises";
export * from "./members";
export * from "./password-reset";
export * from "./regrade";
export * from "./roster";
export * from "./settings";
