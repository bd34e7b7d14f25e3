/**
 * Returns the sentence an error page shows for a thrown value. An error with a digest comes from
 * server rendering, where Next.js replaces the message with a generic one in production, so the
 * page names the digest that the server log lists instead. Any other error, such as the message
 * of a rejected server action request, is shown as it is.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) {
    return "Something failed in this page.";
  }
  const digest = (error as Error & { digest?: unknown }).digest;
  if (typeof digest === "string" && digest !== "") {
    return `The server failed to complete the request (error ${digest}).`;
  }
  return error.message || "Something failed in this page.";
}
