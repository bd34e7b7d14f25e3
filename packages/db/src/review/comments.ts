import type { Database } from "../client";

/** Longest comment body accepted, in characters. */
export const MAX_COMMENT_LENGTH = 5000;

/** A comment on an attempt with its author's name. */
export interface AttemptCommentView {
  id: string;
  body: string;
  createdAt: Date;
  /** When the author last changed the body, or null when it is as first written. */
  editedAt: Date | null;
  author: { id: string; name: string };
}

const commentViewFields = {
  id: true,
  body: true,
  createdAt: true,
  editedAt: true,
  author: { select: { id: true, name: true } },
} as const;

/** Lists the comments on an attempt, oldest first. */
export async function listAttemptComments(
  db: Database,
  attemptId: string,
): Promise<AttemptCommentView[]> {
  return db.attemptComment.findMany({
    where: { attemptId },
    select: commentViewFields,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** Stores a comment on an attempt. Callers check that the author may review the attempt. */
export async function addAttemptComment(
  db: Database,
  comment: { attemptId: string; authorId: string; body: string },
): Promise<AttemptCommentView> {
  return db.attemptComment.create({ data: comment, select: commentViewFields });
}

/** A change of a comment's body by its author. */
export interface CommentEdit {
  commentId: string;
  /** The attempt the comment must belong to. */
  attemptId: string;
  /** The user who edits; only the comment's author may. */
  authorId: string;
  body: string;
  editedAt: Date;
}

/**
 * Replaces the body of a comment and records when, if the comment belongs to the attempt and was
 * written by `authorId`. Returns whether a comment was changed. Callers check that the author
 * may still review the attempt.
 */
export async function editAttemptComment(db: Database, edit: CommentEdit): Promise<boolean> {
  const { commentId, attemptId, authorId, body, editedAt } = edit;
  const result = await db.attemptComment.updateMany({
    where: { id: commentId, attemptId, authorId },
    data: { body, editedAt },
  });
  return result.count > 0;
}

/**
 * Deletes a comment of an attempt. With an `authorId` only that author's comment is deleted,
 * with null any author's (for course admins). Returns whether a comment was deleted. Callers
 * check that the user may review the attempt.
 */
export async function deleteAttemptComment(
  db: Database,
  target: { commentId: string; attemptId: string; authorId: string | null },
): Promise<boolean> {
  const { commentId, attemptId, authorId } = target;
  const byAuthor = authorId === null ? {} : { authorId };
  const result = await db.attemptComment.deleteMany({
    where: { id: commentId, attemptId, ...byAuthor },
  });
  return result.count > 0;
}
