import type { Database } from "../client";

/** Longest comment body accepted, in characters. */
export const MAX_COMMENT_LENGTH = 5000;

/** A comment on an attempt with its author's name. */
export interface AttemptCommentView {
  id: string;
  body: string;
  createdAt: Date;
  author: { id: string; name: string };
}

/** Lists the comments on an attempt, oldest first. */
export async function listAttemptComments(
  db: Database,
  attemptId: string,
): Promise<AttemptCommentView[]> {
  return db.attemptComment.findMany({
    where: { attemptId },
    select: { id: true, body: true, createdAt: true, author: { select: { id: true, name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** Stores a comment on an attempt. Callers check that the author may review the attempt. */
export async function addAttemptComment(
  db: Database,
  comment: { attemptId: string; authorId: string; body: string },
): Promise<AttemptCommentView> {
  return db.attemptComment.create({
    data: comment,
    select: { id: true, body: true, createdAt: true, author: { select: { id: true, name: true } } },
  });
}
