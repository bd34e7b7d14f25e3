// Finds the address of the client that sent a request, for limits such as failed sign-ins. The
// server writes it into CLIENT_ADDRESS_HEADER of every request, replacing any value the client
// sent, so the app reads an address that no client can choose.

/** Header that carries the client's address from the server to the app. */
export const CLIENT_ADDRESS_HEADER = "x-sawtooth-client-address";

/**
 * Returns the client's address: the connection's peer address, or with `trustProxy` the last
 * entry of X-Forwarded-For, which the proxy in front appended. Without a proxy that header is
 * whatever the client sent, so it counts only when the operator says a proxy sets it.
 */
export function clientAddressOf(request, trustProxy) {
  const peer = request.socket.remoteAddress ?? "unknown";
  if (!trustProxy) {
    return peer;
  }
  const forwarded = request.headers["x-forwarded-for"];
  const header = Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "");
  const last = header.split(",").at(-1)?.trim() ?? "";
  return last === "" ? peer : last;
}

/** Replaces the request's CLIENT_ADDRESS_HEADER with the address `clientAddressOf` returns. */
export function stampClientAddress(request, trustProxy) {
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(request, trustProxy);
}
