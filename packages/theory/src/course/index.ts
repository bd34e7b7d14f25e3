export * from "./load";
export * from "./location";
