"use client";

import {
  createContext,
  useActionState,
  useContext,
  useMemo,
  useState,
  type ReactNode,
} from "react";

import {
  addCommentAction,
  deleteCommentAction,
  editCommentAction,
  overrideScoreAction,
} from "@/server/actions/review";
import type { ReviewActionResult } from "@/server/review/attempt-review";

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

/**
 * Renders the form that adds a comment to an attempt. It empties after a comment is added, and
 * an error shows until this or another comment form is sent again.
 */
export function CommentForm({ courseSlug, attemptId }: { courseSlug: string; attemptId: string }) {
  const activity = useCommentActivity();
  const formId = "new-comment";
  const [state, submit, pending] = useActionState(
    async (_previous: FormState, form: FormData): Promise<FormState> => {
      activity.start(formId);
      const result = await addCommentAction({ courseSlug, attemptId, body: form.get("body") });
      if (result.status === "saved") activity.succeed("Comment added.");
      return result;
    },
    null,
  );
  return (
    <form action={submit} className="mt-3 space-y-2">
      <label className="block text-sm font-medium" htmlFor="comment-body">
        New comment (Markdown, shown to the student)
      </label>
      <textarea
        id="comment-body"
        name="body"
        required
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
 * waits for a confirmation, as removing a member does.
 */
export function CommentControls({
  courseSlug,
  attemptId,
  commentId,
  body,
  permissions,
}: {
  courseSlug: string;
  attemptId: string;
  commentId: string;
  body: string;
  permissions: CommentPermissions;
}) {
  const activity = useCommentActivity();
  const [editorOpen, setEditorOpen] = useState(false);
  const target = { courseSlug, attemptId, commentId };
  const editFormId = `edit-${commentId}`;
  const deleteFormId = `delete-${commentId}`;
  const [editState, submitEdit, editing] = useActionState(
    async (_previous: FormState, form: FormData): Promise<FormState> => {
      activity.start(editFormId);
      const result = await editCommentAction({ ...target, body: form.get("body") });
      if (result.status === "saved") {
        activity.succeed("Comment saved.");
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
          <summary className="cursor-pointer text-indigo-700">Edit</summary>
          <form action={submitEdit} className="mt-2 space-y-2">
            <label className="block font-medium" htmlFor={fieldId}>
              Comment text
            </label>
            {/* Keyed by the stored text, so the field shows it again after a save. */}
            <textarea
              key={body}
              id={fieldId}
              name="body"
              required
              rows={4}
              defaultValue={body}
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

/** Renders the form that sets or removes an attempt's score override, with a required reason. */
export function OverrideForm({ courseSlug, attemptId }: { courseSlug: string; attemptId: string }) {
  const [state, submit, pending] = useActionState(
    async (_previous: FormState, form: FormData): Promise<FormState> =>
      overrideScoreAction({
        courseSlug,
        attemptId,
        percent: form.get("percent"),
        reason: form.get("reason"),
      }),
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
        className="w-32 rounded-md border border-slate-300 px-2 py-1"
      />
      <label className="font-medium" htmlFor="override-reason">
        Reason
      </label>
      <textarea
        id="override-reason"
        name="reason"
        required
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
