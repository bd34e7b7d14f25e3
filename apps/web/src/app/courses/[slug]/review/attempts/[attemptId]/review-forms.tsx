"use client";

import {
  createContext,
  useActionState,
  useContext,
  useMemo,
  useState,
  type ReactNode,
} from "react";

import { useLeaveWarning } from "@/components/leave-warning";
import {
  addCommentAction,
  deleteCommentAction,
  editCommentAction,
  overrideScoreAction,
} from "@/server/actions/review";
import type { ReviewActionResult } from "@/server/review/attempt-review";

/** The question a same-site link asks before it leaves a form with unsent text. */
const LEAVE_QUESTION =
  "Leave this page? The text you typed in a comment or score form is not sent.";

type FormState = ReviewActionResult | null;

/** Shows the outcome of a review form below it, as a status message or an alert. */
function FormMessage({ state, saved }: { state: FormState; saved: string }) {
  if (state === null) return null;
  if (state.status === "saved") {
    return (
      <p role="status" className="text-sm text-emerald-700">
        {saved}
      </p>
    );
  }
  return <FormError error={state} />;
}

function FormError({ error }: { error: Exclude<ReviewActionResult, { status: "saved" }> }) {
  const message =
    error.status === "not-found"
      ? "Not found: the attempt or comment is gone, or you may no longer change it."
      : error.message;
  return (
    <p role="alert" className="text-sm text-rose-700">
      {message}
    </p>
  );
}

/**
 * The comment forms' shared state: which form acted last, so that only its error shows, and the
 * status of the last change, which outlives a deleted comment's own controls.
 */
interface CommentActivity {
  activeForm: string | null;
  status: string;
  start(formId: string): void;
  succeed(status: string): void;
}

const CommentActivityContext = createContext<CommentActivity | null>(null);

function useCommentActivity(): CommentActivity {
  const activity = useContext(CommentActivityContext);
  if (activity === null) throw new Error("Comment forms must be inside <CommentActivityProvider>.");
  return activity;
}

/** Holds the state that the comment forms of one attempt share. */
export function CommentActivityProvider({ children }: { children: ReactNode }) {
  const [activeForm, setActiveForm] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const activity = useMemo<CommentActivity>(
    () => ({
      activeForm,
      status,
      start(formId) {
        setActiveForm(formId);
        setStatus("");
      },
      succeed: setStatus,
    }),
    [activeForm, status],
  );
  return <CommentActivityContext value={activity}>{children}</CommentActivityContext>;
}

/**
 * Renders the status of the last comment change: added, saved or deleted. The live region stays
 * in the page while empty, so screen readers announce each new status.
 */
export function CommentStatus() {
  const { status } = useCommentActivity();
  return (
    <p role="status" className="mt-2 min-h-5 text-sm text-emerald-700">
      {status}
    </p>
  );
}

/** Shows the error of a comment form while it is the form that acted last. */
function CommentError({ state, formId }: { state: FormState; formId: string }) {
  const { activeForm } = useCommentActivity();
  if (state === null || state.status === "saved" || activeForm !== formId) return null;
  return <FormError error={state} />;
}

const numberFormat = new Intl.NumberFormat("en-GB");

/** The share of a length limit from which a field shows how many characters it holds. */
const COUNT_FROM_SHARE = 0.8;

/**
 * Renders a text area that keeps its text in React state, so a rejected send leaves the text in
 * place: React resets only uncontrolled fields after a form action. The limit shows as a hint,
 * and a count appears once the text nears it. There is no `maxLength`, because the browser would
 * cut a longer paste silently; the count and the server's message say how much to shorten.
 */
function LimitedTextArea({
  id,
  name,
  value,
  onChange,
  maxLength,
  hint,
  rows,
  className,
}: {
  id: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  /** Text shown below the field before its limit, such as who reads it. */
  hint?: string;
  rows: number;
  className: string;
}) {
  const hintId = `${id}-hint`;
  const nearLimit = value.length >= maxLength * COUNT_FROM_SHARE;
  return (
    <>
      <textarea
        id={id}
        name={name}
        required
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={hintId}
        className={className}
      />
      <p id={hintId} className="text-xs text-slate-600">
        {hint && `${hint} `}At most {numberFormat.format(maxLength)} characters.
        {nearLimit && value.length <= maxLength && (
          <span className="ml-1 font-medium text-amber-800">
            {numberFormat.format(value.length)} of {numberFormat.format(maxLength)} used.
          </span>
        )}
        {value.length > maxLength && (
          <span className="ml-1 font-medium text-red-700">
            {numberFormat.format(value.length)} characters: shorten by{" "}
            {numberFormat.format(value.length - maxLength)}.
          </span>
        )}
      </p>
    </>
  );
}

/**
 * Renders the form that adds a comment to an attempt. It empties after a comment is added and
 * keeps the text after an error, which shows until this or another comment form is sent again.
 */
export function CommentForm({
  courseSlug,
  attemptId,
  maxLength,
}: {
  courseSlug: string;
  attemptId: string;
  maxLength: number;
}) {
  const activity = useCommentActivity();
  const formId = "new-comment";
  const [body, setBody] = useState("");
  useLeaveWarning(formId, body.trim() !== "", LEAVE_QUESTION);
  const [state, submit, pending] = useActionState(
    async (_previous: FormState, form: FormData): Promise<FormState> => {
      activity.start(formId);
      const result = await addCommentAction({ courseSlug, attemptId, body: form.get("body") });
      if (result.status === "saved") {
        activity.succeed("Comment added.");
        setBody("");
      }
      return result;
    },
    null,
  );
  return (
    <form action={submit} className="mt-3 space-y-2">
      <label className="block text-sm font-medium" htmlFor="comment-body">
        New comment (Markdown, shown to the student)
      </label>
      <LimitedTextArea
        id="comment-body"
        name="body"
        value={body}
        onChange={setBody}
        maxLength={maxLength}
        rows={4}
        className="w-full rounded-md border border-slate-300 p-2 text-sm"
      />
      <button
        disabled={pending}
        className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
      >
        Add comment
      </button>
      <CommentError state={state} formId={formId} />
    </form>
  );
}

/** Actions a comment's viewer may take on it: its author edits and deletes, an admin deletes. */
export interface CommentPermissions {
  edit: boolean;
  delete: boolean;
}

/**
 * Renders the edit form and the delete button of one comment, as far as the viewer may use
 * them. The server checks the same rules again. A saved edit closes the form, and a deletion
 * waits for a confirmation, as removing a member does. `label` names the comment by author and
 * time, so that each comment's controls have their own accessible names.
 */
export function CommentControls({
  courseSlug,
  attemptId,
  commentId,
  body,
  label,
  maxLength,
  permissions,
}: {
  courseSlug: string;
  attemptId: string;
  commentId: string;
  body: string;
  label: string;
  maxLength: number;
  permissions: CommentPermissions;
}) {
  const activity = useCommentActivity();
  const [editorOpen, setEditorOpen] = useState(false);
  // The edited text, or null while it is the stored text, which may change after a save.
  const [draft, setDraft] = useState<string | null>(null);
  const target = { courseSlug, attemptId, commentId };
  const editFormId = `edit-${commentId}`;
  const deleteFormId = `delete-${commentId}`;
  useLeaveWarning(editFormId, draft !== null && draft !== body, LEAVE_QUESTION);
  const [editState, submitEdit, editing] = useActionState(
    async (_previous: FormState, form: FormData): Promise<FormState> => {
      activity.start(editFormId);
      const result = await editCommentAction({ ...target, body: form.get("body") });
      if (result.status === "saved") {
        activity.succeed("Comment saved.");
        setDraft(null);
        setEditorOpen(false);
      }
      return result;
    },
    null,
  );
  const [deleteState, submitDelete, deleting] = useActionState(async (): Promise<FormState> => {
    activity.start(deleteFormId);
    const result = await deleteCommentAction(target);
    if (result.status === "saved") activity.succeed("Comment deleted.");
    return result;
  }, null);
  const fieldId = `comment-edit-${commentId}`;
  return (
    <div className="mt-2 space-y-2 text-sm">
      {permissions.edit && (
        <details open={editorOpen} onToggle={(event) => setEditorOpen(event.currentTarget.open)}>
          <summary
            aria-label={`Edit comment by ${label}`}
            className="cursor-pointer text-indigo-700"
          >
            Edit
          </summary>
          <form action={submitEdit} className="mt-2 space-y-2">
            <label className="block font-medium" htmlFor={fieldId}>
              Comment text
            </label>
            <LimitedTextArea
              id={fieldId}
              name="body"
              value={draft ?? body}
              onChange={setDraft}
              maxLength={maxLength}
              rows={4}
              className="w-full rounded-md border border-slate-300 p-2"
            />
            <button
              disabled={editing}
              className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
            >
              Save comment
            </button>
            <CommentError state={editState} formId={editFormId} />
          </form>
        </details>
      )}
      {permissions.delete && (
        <form
          action={submitDelete}
          onSubmit={(event) => {
            if (!window.confirm("Delete this comment? The student no longer sees it.")) {
              event.preventDefault();
            }
          }}
        >
          <button
            disabled={deleting}
            aria-label={`Delete comment by ${label}`}
            className="rounded-md border border-rose-300 px-3 py-1 font-medium text-rose-700 hover:bg-rose-50 disabled:opacity-50"
          >
            Delete comment
          </button>
          <CommentError state={deleteState} formId={deleteFormId} />
        </form>
      )}
    </div>
  );
}

/**
 * Renders the form that sets or removes an attempt's score override, with a required reason
 * that the student reads next to the new score. The fields keep their values after an error and
 * empty after a change.
 */
export function OverrideForm({
  courseSlug,
  attemptId,
  reasonMaxLength,
}: {
  courseSlug: string;
  attemptId: string;
  reasonMaxLength: number;
}) {
  const [percent, setPercent] = useState("");
  const [reason, setReason] = useState("");
  useLeaveWarning("override", percent.trim() !== "" || reason.trim() !== "", LEAVE_QUESTION);
  const [state, submit, pending] = useActionState(
    async (_previous: FormState, form: FormData): Promise<FormState> => {
      const result = await overrideScoreAction({
        courseSlug,
        attemptId,
        percent: form.get("percent"),
        reason: form.get("reason"),
      });
      if (result.status === "saved") {
        setPercent("");
        setReason("");
      }
      return result;
    },
    null,
  );
  return (
    <form action={submit} className="mt-3 grid max-w-xl gap-2 text-sm">
      <label className="font-medium" htmlFor="override-percent">
        New score in % (leave empty to go back to the graded score)
      </label>
      <input
        id="override-percent"
        name="percent"
        inputMode="decimal"
        value={percent}
        onChange={(event) => setPercent(event.target.value)}
        className="w-32 rounded-md border border-slate-300 px-2 py-1"
      />
      <label className="font-medium" htmlFor="override-reason">
        Reason (shown to the student)
      </label>
      <LimitedTextArea
        id="override-reason"
        name="reason"
        value={reason}
        onChange={setReason}
        maxLength={reasonMaxLength}
        hint="The student sees this reason with the new score, and it stays in the audit trail."
        rows={2}
        className="rounded-md border border-slate-300 p-2"
      />
      <div>
        <button
          disabled={pending}
          className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
        >
          Change score
        </button>
      </div>
      <FormMessage state={state} saved="Score changed." />
    </form>
  );
}
