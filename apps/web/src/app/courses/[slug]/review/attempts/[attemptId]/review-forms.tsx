"use client";

import { useActionState } from "react";

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
  const message =
    state.status === "not-found"
      ? "Not found: the attempt or comment is gone, or you may no longer change it."
      : state.message;
  return (
    <p role="alert" className="text-sm text-rose-700">
      {message}
    </p>
  );
}

/** Renders the form that adds a comment to an attempt. */
export function CommentForm({ courseSlug, attemptId }: { courseSlug: string; attemptId: string }) {
  const [state, submit, pending] = useActionState(
    async (_previous: FormState, form: FormData): Promise<FormState> =>
      addCommentAction({ courseSlug, attemptId, body: form.get("body") }),
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
      <FormMessage state={state} saved="Comment added." />
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
 * them. The server checks the same rules again.
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
  const target = { courseSlug, attemptId, commentId };
  const [editState, submitEdit, editing] = useActionState(
    async (_previous: FormState, form: FormData): Promise<FormState> =>
      editCommentAction({ ...target, body: form.get("body") }),
    null,
  );
  const [deleteState, submitDelete, deleting] = useActionState(
    async (): Promise<FormState> => deleteCommentAction(target),
    null,
  );
  const fieldId = `comment-edit-${commentId}`;
  return (
    <div className="mt-2 space-y-2 text-sm">
      {permissions.edit && (
        <details>
          <summary className="cursor-pointer text-indigo-700">Edit</summary>
          <form action={submitEdit} className="mt-2 space-y-2">
            <label className="block font-medium" htmlFor={fieldId}>
              Comment text
            </label>
            <textarea
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
            <FormMessage state={editState} saved="Comment saved." />
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
          <FormMessage state={deleteState} saved="Comment deleted." />
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
