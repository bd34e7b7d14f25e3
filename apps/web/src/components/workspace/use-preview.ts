import { useEffect, useRef, useState } from "react";

import { readSubmission } from "@sawtooth/theory";

import { domainOf, previewOf, type Preview } from "./live-analysis";

export interface PreviewRequest {
  text: string;
  domain: [string | null, string | null];
}

export interface PreviewResponse {
  preview: Preview | null;
}

/** Milliseconds an analysis may run in the worker before the preview gives up on it. */
export const PREVIEW_TIMEOUT_MS = 8000;

/** The live preview's state: the last result, and whether a newer one is being computed. */
export interface PreviewState {
  /** Null when the text cannot be read as a network, or before the first result. */
  preview: Preview | null;
  busy: boolean;
}

const TIMEOUT_MESSAGE = `The live plot stopped after ${PREVIEW_TIMEOUT_MS / 1000} s of exact analysis.`;

/**
 * Computes the live preview of a submission text in a Web Worker, so a slow exact analysis
 * does not block typing. A new text stops the analysis still running by replacing the worker,
 * and an analysis past `PREVIEW_TIMEOUT_MS` is stopped with a message. Without Worker support
 * the preview is computed on the main thread.
 */
export function usePreview(text: string, domain: [string | null, string | null]): PreviewState {
  const worker = useRef<Worker | null>(null);
  const inFlight = useRef(false);
  const [result, setResult] = useState<{ text: string | null; preview: Preview | null }>({
    text: null,
    preview: null,
  });

  useEffect(() => () => worker.current?.terminate(), []);

  useEffect(() => {
    if (typeof Worker === "undefined") {
      const timer = setTimeout(() => setResult({ text, preview: previewHere(text, domain) }), 0);
      return () => clearTimeout(timer);
    }

    // A worker still busy with an older text is replaced, which stops that analysis.
    if (inFlight.current) replace(worker);
    const current = (worker.current ??= createWorker());
    let done = false;
    current.onmessage = (event: MessageEvent<PreviewResponse>) => {
      if (done) return;
      done = true;
      inFlight.current = false;
      setResult({ text, preview: event.data.preview });
    };
    // A worker that fails to load or throws leaves the work to the main thread.
    current.onerror = () => {
      if (done) return;
      done = true;
      inFlight.current = false;
      replace(worker);
      setResult({ text, preview: previewHere(text, domain) });
    };
    inFlight.current = true;
    current.postMessage({ text, domain } satisfies PreviewRequest);

    const timer = setTimeout(() => {
      done = true;
      inFlight.current = false;
      replace(worker);
      const preview: Preview = {
        status: "unavailable",
        message: TIMEOUT_MESSAGE,
        serverCanGrade: true,
      };
      setResult({ text, preview });
    }, PREVIEW_TIMEOUT_MS);
    return () => {
      done = true;
      clearTimeout(timer);
    };
  }, [text, domain]);

  return { preview: result.preview, busy: result.text !== text };
}

function createWorker(): Worker {
  return new Worker(new URL("./preview.worker.ts", import.meta.url));
}

function replace(worker: { current: Worker | null }): void {
  worker.current?.terminate();
  worker.current = null;
}

function previewHere(text: string, domain: [string | null, string | null]): Preview | null {
  const read = readSubmission(text);
  return read.ok ? previewOf(read.network, domainOf(domain)) : null;
}
