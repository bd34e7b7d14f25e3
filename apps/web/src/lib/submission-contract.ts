import type { Feedback, Plot } from "@sawtooth/theory";

/**
 * The types shared by the exercise page's client side (editor, live plot) and its server side
 * (the submit action, storage and feedback). Everything here may reach a student's browser, so
 * it carries no target specification, reference solution or known-wrong submission.
 */

/** The server's result for one submission. */
export type SubmitResult =
  /** Graded and stored; `duplicate` when an identical network was already stored. */
  | {
      status: "graded";
      attemptId: string;
      duplicate: boolean;
      feedback: Feedback;
      /** Attempts left after this one, or null without a limit. */
      attemptsLeft: number | null;
      /** The stored attempt as the history lists it, so the page can show it without a reload. */
      attempt: AttemptHistoryRow;
    }
  /** Not graded (unreadable, breaks the constraints, over budget): nothing stored, no attempt used. */
  | { status: "invalid"; feedback: Feedback }
  /**
   * Stopped before it finished because it ran over the grading time or memory budget: nothing
   * stored, no attempt used, no credit. The budget is wall-clock time, so the same network may
   * be graded when the server is less busy.
   */
  | { status: "too-complex"; message: string }
  /** Refused before grading: attempt limit reached, payload too large, not a member. */
  | { status: "rejected"; reason: RejectionReason; message: string };

/**
 * The admin's student preview's result for one submission: graded as a student's submission is,
 * with the feedback cut to what the exercise reveals, but stored nowhere and using no attempt.
 */
export type PreviewResult =
  | { status: "previewed"; feedback: Feedback }
  | { status: "invalid"; feedback: Feedback }
  | { status: "too-complex"; message: string }
  /** Rejected before grading: not an admin of the course, a missing exercise, too large. */
  | { status: "rejected"; message: string };

/** Why a submission was refused before grading, so the HTTP API can choose a status code. */
export type RejectionReason =
  | "invalid-request"
  | "too-large"
  | "signed-out"
  | "password-change-required"
  | "not-found"
  | "past-due"
  | "limit-reached"
  | "changed";

/** An attempt as the exercise page's history lists it. */
export interface AttemptHistoryRow {
  id: string;
  /** 1 for the student's first attempt at the exercise, as tutors number it. */
  attemptNumber: number;
  /** When it was stored, as an ISO 8601 timestamp. */
  submittedAt: string;
  /** `submittedAt` as the page shows it, formatted on the server in UTC. */
  submittedLabel: string;
  verdict: "correct" | "incorrect";
  /** The score that counts, between 0 and 1: a tutor's override when one is set. */
  score: number;
  /** Whether a tutor set the score by hand. */
  scoreChangedByTutor: boolean;
  /** Whether a tutor commented on the attempt. */
  commented: boolean;
}

/** The architecture rules a student sees next to the editor. */
export interface ConstraintsView {
  inputs: number;
  outputs: number;
  minDepth: number | null;
  maxDepth: number | null;
  maxWidth: number | null;
  maxParameters: number | null;
  activations: string[] | null;
  outputActivations: string[] | null;
  numbers: "any" | "integer" | "dyadic";
}

/** Everything the exercise workspace (editor, live plot, submit, feedback) receives. */
export interface WorkspaceProps {
  /**
   * The key of the saved draft's owner: the signed-in user's id, so users never see each other's
   * drafts. The admin's student preview adds a suffix, which keeps its draft apart from the one
   * the admin edits on the exercise page.
   */
  draftOwner: string;
  courseSlug: string;
  exerciseId: string;
  /** The domain as exact strings, null for an unbounded end. */
  domain: [string | null, string | null];
  constraints: ConstraintsView;
  /** The target's plot data, only when the exercise shows the target; else null. */
  targetPlot: Plot | null;
  /**
   * A past attempt's submission to load into the editor (`?load=<attemptId>`). It replaces a
   * different saved draft only after the user confirms.
   */
  initialSubmission: string | null;
  /**
   * The server action that grades and stores a submission (JSON text as typed). The admin's
   * student preview passes one that grades without storing.
   */
  submit: (submission: string) => Promise<SubmitResult | PreviewResult>;
  /**
   * True on the admin's student preview: next to Submit the panel shows that the grading is not
   * stored, in place of the attempts left.
   */
  preview?: boolean;
  /**
   * The reason the exercise takes no attempts, such as a passed due date in a course that rejects
   * late attempts, or null while it takes them. The server checks again on every submit.
   */
  closedMessage: string | null;
}
