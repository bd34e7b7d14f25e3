"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";

import { saveSettingsAction } from "@/server/actions/admin-members";
import type { SettingsProblem } from "@/server/admin/settings";

import { Button, Panel, ProblemList, TextArea, TextField } from "../admin-ui";

/** Renders the form for the course's title, description and late-attempt rule. */
export function SettingsForm({
  courseSlug,
  initial,
  revision: loadedRevision,
  limits,
}: {
  courseSlug: string;
  initial: { title: string; description: string; acceptLate: boolean };
  /** Revision of the stored settings the form starts from; a save sends it back. */
  revision: string;
  /** Longest title and description, in characters, as the server checks them. */
  limits: { title: number; description: number };
}) {
  const router = useRouter();
  const [settings, setSettings] = useState(initial);
  const [saved, setSaved] = useState(false);
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const [rejected, setRejected] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  // The form keeps its own copy, because a save changes the revision without reloading the page.
  const [revision, setRevision] = useState(loadedRevision);
  const [pending, startTransition] = useTransition();
  const titleRef = useRef<HTMLInputElement>(null);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);

  function save() {
    startTransition(async () => {
      const response = await saveSettingsAction({ courseSlug, ...settings, revision });
      setSaved(response.status === "saved");
      setProblems(response.status === "invalid" ? response.problems : []);
      const failed = response.status === "rejected" || response.status === "conflict";
      setRejected(failed ? response.message : null);
      setConflict(response.status === "conflict");
      if (response.status === "saved") {
        setRevision(response.revision);
      }
      if (response.status === "invalid") {
        const first = response.problems[0]?.field;
        (first === "description" ? descriptionRef : titleRef).current?.focus();
      }
      router.refresh();
    });
  }

  const errorsAt = (field: SettingsProblem["field"]) =>
    problems.filter((problem) => problem.field === field).map((problem) => problem.message);

  return (
    <Panel title="Settings">
      <TextField
        label="Title"
        value={settings.title}
        onChange={(title) => setSettings({ ...settings, title })}
        maxLength={limits.title}
        errors={errorsAt("title")}
        inputRef={titleRef}
      />
      <TextArea
        label="Description"
        value={settings.description}
        onChange={(description) => setSettings({ ...settings, description })}
        rows={4}
        hint={`Markdown, at most ${limits.description.toLocaleString("en-US")} characters.`}
        maxLength={limits.description}
        errors={errorsAt("description")}
        inputRef={descriptionRef}
      />
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={settings.acceptLate}
          onChange={(event) => setSettings({ ...settings, acceptLate: event.target.checked })}
        />
        Accept attempts after an exercise&apos;s due date
      </label>
      <Button onClick={save} disabled={pending}>
        Save settings
      </Button>
      {saved && (
        <p role="status" className="text-sm text-green-800">
          Settings saved.
        </p>
      )}
      {rejected && (
        <ProblemList title="Not saved." problems={[{ place: "Settings", message: rejected }]} />
      )}
      {conflict && (
        <Button tone="plain" onClick={() => window.location.reload()}>
          Reload the stored settings (discards your edits)
        </Button>
      )}
    </Panel>
  );
}
