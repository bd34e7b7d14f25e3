import type { IncomingMessage } from "node:http";

export declare const CLIENT_ADDRESS_HEADER: string;

export declare function clientAddressOf(
  request: Pick<IncomingMessage, "headers" | "socket">,
  trustProxy: boolean,
): string;

export declare function stampClientAddress(
  request: Pick<IncomingMessage, "headers" | "socket">,
  trustProxy: boolean,
): void;
