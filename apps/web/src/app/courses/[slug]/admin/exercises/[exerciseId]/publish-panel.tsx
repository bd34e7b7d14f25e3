"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import type { VisibilityResult } from "@/server/admin/exercise-editor";
import { setVisibilityAction } from "@/server/actions/admin-exercises";

import { Button, Panel, ProblemList } from "../../admin-ui";
import { SelfTestTable } from "../../self-test-table";

/** Publishes an exercise after running its self-test, or hides it again. */
export function PublishPanel({
  courseSlug,
  exerciseSlug,
  visibility,
}: {
  courseSlug: string;
  exerciseSlug: string;
  visibility: "visible" | "hidden";
}) {
  const router = useRouter();
  const [result, setResult] = useState<VisibilityResult | null>(null);
  const [pending, startTransition] = useTransition();

  function change(visible: boolean) {
    startTransition(async () => {
      const response = await setVisibilityAction({ courseSlug, exerciseSlug, visible });
      setResult(response);
      if (response.status === "done") router.refresh();
    });
  }

  return (
    <Panel title="Visibility">
      <p className="text-sm">
        {visibility === "visible"
          ? "Published: students see this exercise."
          : "Hidden: only tutors and admins see this exercise."}
      </p>
      {visibility === "hidden" ? (
        <Button onClick={() => change(true)} disabled={pending}>
          {pending ? "Running the self-test…" : "Run self-test and publish"}
        </Button>
      ) : (
        <Button tone="plain" onClick={() => change(false)} disabled={pending}>
          Hide from students
        </Button>
      )}
      {result?.status === "rejected" && (
        <ProblemList
          title="Not changed."
          problems={[{ place: "Visibility", message: result.message }]}
        />
      )}
      {result?.status === "self-test-failed" && (
        <p role="alert" className="text-sm text-red-800">
          Not published: the self-test failed.
        </p>
      )}
      {result && "selfTest" in result && result.selfTest && (
        <SelfTestTable selfTest={result.selfTest} />
      )}
    </Panel>
  );
}
