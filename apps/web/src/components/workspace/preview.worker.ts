/// <reference lib="webworker" />
import { readSubmission } from "@sawtooth/theory";

import { domainOf, previewOf } from "./live-analysis";
import type { PreviewRequest, PreviewResponse } from "./use-preview";

// Runs the live analysis off the main thread: an exact analysis in rationals can take seconds
// within the preview's budget, and typing must stay responsive meanwhile.
self.onmessage = (event: MessageEvent<PreviewRequest>) => {
  const { text, domain } = event.data;
  const read = readSubmission(text);
  const preview = read.ok ? previewOf(read.network, domainOf(domain)) : null;
  const response: PreviewResponse = { preview };
  self.postMessage(response);
};
