"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { saveSettingsAction } from "@/server/actions/admin-members";

import { Button, Panel, ProblemList, TextArea, TextField } from "../admin-ui";

/** Renders the form for the course's title, description and late-attempt rule. */
export function SettingsForm({
  courseSlug,
  initial,
}: {
  courseSlug: string;
  initial: { title: string; description: string; acceptLate: boolean };
}) {
  const router = useRouter();
  const [settings, setSettings] = useState(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function save() {
    startTransition(async () => {
      const response = await saveSettingsAction({ courseSlug, ...settings });
      setMessage(
        response.status === "saved"
          ? { ok: true, text: "Settings saved." }
          : { ok: false, text: response.message },
      );
      router.refresh();
    });
  }

  return (
    <Panel title="Settings">
      <TextField
        label="Title"
        value={settings.title}
        onChange={(title) => setSettings({ ...settings, title })}
      />
      <TextArea
        label="Description"
        value={settings.description}
        onChange={(description) => setSettings({ ...settings, description })}
        rows={4}
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
      {message?.ok && (
        <p role="status" className="text-sm text-green-800">
          {message.text}
        </p>
      )}
      {message && !message.ok && (
        <ProblemList title="Not saved." problems={[{ place: "Settings", message: message.text }]} />
      )}
    </Panel>
  );
}
