import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import {
  findReviewAttemptDetail,
  getDatabase,
  listAttemptComments,
  listAttempts,
  listScoreOverrides,
  MAX_COMMENT_LENGTH,
  MAX_OVERRIDE_REASON_LENGTH,
} from "@sawtooth/db";
import type { Feedback } from "@sawtooth/theory";

import { FeedbackView } from "@/components/feedback/feedback-view";
import { formatScore } from "@/components/feedback/feedback-format";
import { Markdown } from "@/components/markdown";
import { toDomainView } from "@/server/exercise-view";
import { prepareVersion } from "@/server/grading";
import { findReviewAttempt } from "@/server/review/review-access";
import { requireCourseStaff } from "@/server/review/require-staff";
import { PersonName } from "@/components/person-name";

import { LateBadge } from "../../late-badge";
import { RemovedBadge } from "../../removed-badge";
import { ReviewNav } from "../../review-nav";
import {
  CommentActivityProvider,
  CommentControls,
  CommentForm,
  CommentStatus,
  OverrideForm,
} from "./review-forms";

interface ReviewAttemptPageProps {
  params: Promise<{ slug: string; attemptId: string }>;
}

export const metadata: Metadata = { title: "Review attempt" };

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

/** Writes the parsed network with two-space indentation for reading. */
function indentJson(text: string): string {
  return JSON.stringify(JSON.parse(text), null, 2);
}

export default async function ReviewAttemptPage({ params }: ReviewAttemptPageProps) {
  const { slug, attemptId } = await params;
  const { user } = await requireCourseStaff(slug);
  const db = getDatabase();
  const found = await findReviewAttempt({ db, userId: user.id }, slug, attemptId);
  const detail = found && (await findReviewAttemptDetail(db, attemptId));
  if (!found || !detail) {
    notFound();
  }
  const { course, attempt, role } = found;
  const comments = await listAttemptComments(db, attemptId);
  const overrides = await listScoreOverrides(db, attemptId);
  const others = await listAttempts(db, attempt.userId, attempt.exercise.id);

  const feedback = JSON.parse(attempt.feedback) as Feedback;
  const { domain } = prepareVersion(attempt.exerciseVersion);
  const base = `/courses/${course.slug}/review`;
  const removed = !detail.student.isMember;

  return (
    <article>
      <h1 className="text-2xl font-semibold">
        Attempt #{detail.attemptNumber} at {detail.exercise.title}
        {detail.late && <LateBadge dueDate={detail.exercise.dueDate} />}
      </h1>
      <ReviewNav courseSlug={course.slug} current="/attempts" />
      <p className="mt-4 text-sm text-slate-600">
        By <PersonName name={detail.student.name} /> ({detail.student.email})
        {removed && <RemovedBadge />}, submitted{" "}
        <time dateTime={attempt.createdAt.toISOString()}>
          {timeFormat.format(attempt.createdAt)} UTC
        </time>
        , graded against version {attempt.exerciseVersion.number} in {attempt.gradingMs} ms.
        {detail.late && detail.exercise.dueDate && (
          <>
            {" "}
            <strong>Late:</strong> the due date was{" "}
            <time dateTime={detail.exercise.dueDate.toISOString()}>
              {timeFormat.format(detail.exercise.dueDate)} UTC
            </time>
            .
          </>
        )}
      </p>
      {removed && (
        <p
          role="note"
          className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
        >
          <strong>This student is no longer a member of the course.</strong> While removed, they
          cannot see this attempt, its comments or its score. Comments and score overrides are still
          stored, and the student sees them if an admin adds them to the course again.
        </p>
      )}
      {detail.exercise.hidden && (
        <p
          role="note"
          className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
        >
          <strong>This exercise is hidden:</strong> the student cannot see this attempt, its
          comments or its score until it is published again.
        </p>
      )}
      <p className="mt-2 text-sm" aria-label="Score">
        Score that counts: <strong>{formatScore(attempt.score)}</strong>
        {attempt.overrideScore !== null && (
          <span className="text-slate-600">
            {" "}
            (set by hand; the grader gave {formatScore(attempt.gradedScore)})
          </span>
        )}
      </p>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        {/* min-w-0 lets a grid item shrink below its content, so the code scrolls in its box. */}
        <section aria-label="Submission as sent" className="min-w-0">
          <h2 className="text-lg font-semibold">Submission as sent</h2>
          <pre className="mt-2 max-h-96 overflow-auto rounded-lg border border-slate-200 bg-white p-4 text-sm">
            {attempt.raw}
          </pre>
        </section>
        <section aria-label="Submission as parsed" className="min-w-0">
          <h2 className="text-lg font-semibold">Submission as parsed</h2>
          <pre className="mt-2 max-h-96 overflow-auto rounded-lg border border-slate-200 bg-white p-4 text-sm">
            {indentJson(detail.network)}
          </pre>
        </section>
      </div>

      <h2 className="mt-8 text-lg font-semibold">Feedback as the student saw it</h2>
      <div className="mt-2 rounded-lg border border-slate-200 bg-white p-6">
        <FeedbackView
          feedback={feedback}
          domain={toDomainView(domain)}
          overrideScore={attempt.overrideScore}
        />
      </div>

      <section aria-label="Comments" className="mt-8">
        <CommentActivityProvider>
          <h2 className="text-lg font-semibold">Comments</h2>
          {comments.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No comments yet.</p>
          ) : (
            <ul className="mt-2 space-y-3">
              {comments.map((comment) => (
                <li key={comment.id} className="rounded-lg border border-slate-200 bg-white p-4">
                  <p className="text-xs text-slate-500">
                    <PersonName name={comment.author.name} />,{" "}
                    {timeFormat.format(comment.createdAt)} UTC
                    {comment.editedAt && <> (edited {timeFormat.format(comment.editedAt)} UTC)</>}
                  </p>
                  <div className="mt-1 text-sm">
                    <Markdown>{comment.body}</Markdown>
                  </div>
                  <CommentControls
                    courseSlug={course.slug}
                    attemptId={attempt.id}
                    commentId={comment.id}
                    body={comment.body}
                    label={`${comment.author.name}, ${timeFormat.format(comment.createdAt)} UTC`}
                    maxLength={MAX_COMMENT_LENGTH}
                    permissions={{
                      edit: comment.author.id === user.id,
                      delete: comment.author.id === user.id || role === "admin",
                    }}
                  />
                </li>
              ))}
            </ul>
          )}
          <CommentStatus />
          {removed && (
            <p className="mt-4 text-sm text-slate-600">
              The student cannot see comments while removed from the course.
            </p>
          )}
          <CommentForm
            courseSlug={course.slug}
            attemptId={attempt.id}
            maxLength={MAX_COMMENT_LENGTH}
          />
        </CommentActivityProvider>
      </section>

      <section aria-label="Score override" className="mt-8">
        <h2 className="text-lg font-semibold">Score override</h2>
        {removed && (
          <p className="mt-2 text-sm text-slate-600">
            The student cannot see the score while removed from the course, and the gradebook leaves
            them out.
          </p>
        )}
        <OverrideForm
          courseSlug={course.slug}
          attemptId={attempt.id}
          reasonMaxLength={MAX_OVERRIDE_REASON_LENGTH}
        />
        <h3 className="mt-6 font-semibold">Audit trail</h3>
        {overrides.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">The score has never been changed by hand.</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
              <thead className="bg-slate-100 text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    When (UTC)
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Who
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Old score
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    New score
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Reason
                  </th>
                </tr>
              </thead>
              <tbody>
                {overrides.map((override) => (
                  <tr key={override.id} className="border-t border-slate-200">
                    <td className="px-3 py-2">{timeFormat.format(override.createdAt)}</td>
                    <td className="px-3 py-2">
                      <PersonName name={override.tutor.name} />
                    </td>
                    <td className="px-3 py-2">{formatScore(override.oldScore)}</td>
                    <td className="px-3 py-2">
                      {override.newScore === null ? "graded score" : formatScore(override.newScore)}
                    </td>
                    <td className="px-3 py-2 whitespace-pre-wrap">{override.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-label="Other attempts" className="mt-8">
        <h2 className="text-lg font-semibold">
          <PersonName name={detail.student.name} />
          &apos;s attempts at {detail.exercise.title}
        </h2>
        <ul className="mt-2 space-y-1 text-sm">
          {others.map((other) => (
            <li key={other.id}>
              {other.id === attempt.id ? (
                <span className="font-medium">
                  {timeFormat.format(other.createdAt)} UTC: this attempt
                </span>
              ) : (
                <Link
                  href={`${base}/attempts/${other.id}`}
                  aria-label={`Review the attempt by ${detail.student.name} at ${detail.exercise.slug}, ${timeFormat.format(other.createdAt)} UTC`}
                  className="text-indigo-700 hover:underline"
                >
                  {timeFormat.format(other.createdAt)} UTC
                </Link>
              )}{" "}
              · {other.verdict === "correct" ? "Correct" : "Incorrect"} · {formatScore(other.score)}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
