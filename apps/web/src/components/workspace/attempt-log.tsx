"use client";

import { createContext, useContext, useState, type ReactNode } from "react";

import type { AttemptHistoryRow, PreviewResult, SubmitResult } from "@/lib/submission-contract";

/** The user's attempts at the exercise on the page, kept in the browser after each submit. */
export interface AttemptLog {
  /** Newest first. */
  attempts: AttemptHistoryRow[];
  /** Attempts left, or null without a limit. */
  attemptsLeft: number | null;
  /** Adds a graded result's attempt, unless the log has it already, and its attempts left. */
  record: (result: SubmitResult | PreviewResult) => void;
}

const AttemptLogContext = createContext<AttemptLog | null>(null);

interface AttemptLogProviderProps {
  /** The attempts the page rendered with, newest first. */
  attempts: AttemptHistoryRow[];
  attemptsLeft: number | null;
  children: ReactNode;
}

/**
 * Holds the attempt history and the attempts left that the exercise page shows. The submit
 * action returns the stored attempt instead of rendering the page again, so the workspace
 * records each result here and the history and the header update from it.
 */
export function AttemptLogProvider(props: AttemptLogProviderProps) {
  const [attempts, setAttempts] = useState(props.attempts);
  const [attemptsLeft, setAttemptsLeft] = useState(props.attemptsLeft);

  function record(result: SubmitResult | PreviewResult) {
    if (result.status !== "graded") return;
    const { attempt } = result;
    setAttempts((previous) =>
      previous.some((known) => known.id === attempt.id) ? previous : [attempt, ...previous],
    );
    setAttemptsLeft(result.attemptsLeft);
  }

  return (
    <AttemptLogContext value={{ attempts, attemptsLeft, record }}>
      {props.children}
    </AttemptLogContext>
  );
}

/** Returns the page's attempt log; throws outside an {@link AttemptLogProvider}. */
export function useAttemptLog(): AttemptLog {
  const log = useContext(AttemptLogContext);
  if (log === null) {
    throw new Error("useAttemptLog needs an AttemptLogProvider around it.");
  }
  return log;
}

/** Shows the attempts left as the page header does: "3 of 5" or "unlimited". */
export function AttemptsLeftText({ attemptLimit }: { attemptLimit: number | null }) {
  const { attemptsLeft } = useAttemptLog();
  return attemptsLeft === null ? "unlimited" : `${attemptsLeft} of ${attemptLimit}`;
}
