import "server-only";

import { getLogger } from "../../scripts/logger.mjs";

/**
 * The server's levelled logger. Every line is JSON on standard output, and the paths in
 * scripts/logger.mjs (passwords, tokens, cookies, headers, raw submissions) are redacted.
 * Log ids and outcomes, never a submission's text or a credential.
 */
export const logger = getLogger();
