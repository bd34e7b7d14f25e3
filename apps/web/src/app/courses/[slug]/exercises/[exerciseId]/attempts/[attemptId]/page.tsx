import type { Metadata } from "next";
import Link from "next/link";

import { getDatabase, listAttemptComments, listScoreOverrides } from "@sawtooth/db";
import type { Feedback } from "@sawtooth/theory";

import { formatScore } from "@/components/feedback/feedback-format";
import { FeedbackView } from "@/components/feedback/feedback-view";
import { Markdown } from "@/components/markdown";
import { requireAttempt } from "@/server/access";
import { toDomainView } from "@/server/exercise-view";
import { prepareVersion } from "@/server/grading";
import { PersonName } from "@/components/person-name";

interface AttemptPageProps {
  params: Promise<{ slug: string; exerciseId: string; attemptId: string }>;
}

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

export async function generateMetadata({ params }: AttemptPageProps): Promise<Metadata> {
  const { slug, exerciseId, attemptId } = await params;
  const { exercise } = await requireAttempt(slug, exerciseId, attemptId);
  return { title: `Attempt at ${exercise.title}` };
}

export default async function AttemptPage({ params }: AttemptPageProps) {
  const { slug, exerciseId, attemptId } = await params;
  const { course, exercise, attempt } = await requireAttempt(slug, exerciseId, attemptId);

  // The feedback was stored as the engine returned it, already cut to what the exercise reveals.
  // It keeps the grader's score, and the view shows a tutor's override in its place.
  const feedback = JSON.parse(attempt.feedback) as Feedback;
  const db = getDatabase();
  const comments = await listAttemptComments(db, attempt.id);
  // The newest change of the trail is the one that set the override in force.
  const override =
    attempt.overrideScore === null ? undefined : (await listScoreOverrides(db, attempt.id)).at(-1);
  const { domain } = prepareVersion(attempt.exerciseVersion);
  const exercisePath = `/courses/${course.slug}/exercises/${exercise.slug}`;

  return (
    <article>
      <nav className="text-sm">
        <Link href={exercisePath} className="wrap-anywhere text-indigo-700 hover:underline">
          {exercise.title}
        </Link>
      </nav>
      <h1 className="mt-2 text-2xl font-semibold wrap-anywhere">Attempt at {exercise.title}</h1>
      <p className="mt-2 text-sm text-slate-600">
        Submitted{" "}
        <time dateTime={attempt.createdAt.toISOString()}>
          {timeFormat.format(attempt.createdAt)} UTC
        </time>
        , graded against version {attempt.exerciseVersion.number} in {attempt.gradingMs} ms.
      </p>
      {attempt.overrideScore !== null && (
        <section aria-label="Score override" className="mt-2 text-sm">
          <p>
            A tutor set this attempt&apos;s score to <strong>{formatScore(attempt.score)}</strong>;
            the grader gave {formatScore(attempt.gradedScore)}.
          </p>
          {override && (
            <p className="mt-1">
              Reason from <PersonName name={override.tutor.name} />,{" "}
              <time dateTime={override.createdAt.toISOString()}>
                {timeFormat.format(override.createdAt)} UTC
              </time>
              : <q>{override.reason}</q>
            </p>
          )}
        </section>
      )}
      <Link
        href={`${exercisePath}?load=${attempt.id}`}
        className="mt-4 inline-block rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
      >
        Load into editor
      </Link>
      <section aria-label="Submission as sent" className="mt-6">
        <h2 className="text-lg font-semibold">Submission as sent</h2>
        <pre className="mt-2 max-h-96 overflow-auto rounded-lg border border-slate-200 bg-white p-4 text-sm">
          {attempt.raw}
        </pre>
      </section>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
        <FeedbackView
          feedback={feedback}
          domain={toDomainView(domain)}
          overrideScore={attempt.overrideScore}
        />
      </div>
      {comments.length > 0 && (
        <section aria-label="Comments from tutors" className="mt-6">
          <h2 className="text-lg font-semibold">Comments from tutors</h2>
          <ul className="mt-2 space-y-3">
            {comments.map((comment) => (
              <li key={comment.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <p className="text-xs text-slate-500">
                  <PersonName name={comment.author.name} />,{" "}
                  <time dateTime={comment.createdAt.toISOString()}>
                    {timeFormat.format(comment.createdAt)} UTC
                  </time>
                  {comment.editedAt && (
                    <>
                      {" "}
                      (edited{" "}
                      <time dateTime={comment.editedAt.toISOString()}>
                        {timeFormat.format(comment.editedAt)} UTC
                      </time>
                      )
                    </>
                  )}
                </p>
                <div className="mt-1 text-sm">
                  <Markdown>{comment.body}</Markdown>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
