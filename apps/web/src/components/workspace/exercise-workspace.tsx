"use client";

import { useMemo, useState } from "react";

import type { WorkspaceProps } from "@/lib/submission-contract";

import { useAttemptLog } from "./attempt-log";
import { editorFromJson, toNativeJson } from "./editor-json";
import { initialEditor, type EditorState } from "./editor-state";
import { LivePreview } from "./live-preview";
import { LoadAttemptDialog } from "./load-attempt-dialog";
import { NetworkEditor } from "./network-editor";
import { NetworkJsonField } from "./network-json-field";
import { checkSubmission } from "./submission-check";
import { SubmitPanel } from "./submit-panel";
import { UploadField } from "./upload-field";
import { useDraft, useIsClient } from "./use-draft";

/**
 * Renders the student's side of an exercise: the network editor (grids, "Network JSON" and upload),
 * the live plot, the pre-submit check and the "Submit" button with the server's feedback.
 * It renders in the browser only, because the draft it opens with lives in localStorage. Each
 * result goes to the page's attempt log, which must be around it.
 */
export function ExerciseWorkspace(props: WorkspaceProps) {
  const isClient = useIsClient();
  if (!isClient) {
    return <p className="text-sm text-slate-600">Loading the network editor…</p>;
  }
  return <Workspace {...props} />;
}

function Workspace(props: WorkspaceProps) {
  const { courseSlug, exerciseId, constraints } = props;
  const draft = useDraft(props.draftOwner, courseSlug, exerciseId, props.initialSubmission, () =>
    toNativeJson(initialEditor(constraints)),
  );
  const { text, setText, saved, pendingLoad } = draft;
  const [editor, setEditor] = useState<EditorState>(() => {
    const reading = editorFromJson(text);
    return reading.ok ? reading.state : initialEditor(constraints);
  });
  const log = useAttemptLog();

  const reading = useMemo(() => editorFromJson(text), [text]);
  const check = useMemo(() => checkSubmission(text, constraints), [text, constraints]);

  function changeGrids(state: EditorState) {
    setEditor(state);
    setText(toNativeJson(state));
  }

  function changeText(next: string) {
    setText(next);
    const nextReading = editorFromJson(next);
    if (nextReading.ok) setEditor(nextReading.state);
  }

  function loadPendingAttempt(attempt: string) {
    changeText(attempt);
    draft.dismissLoad();
  }

  return (
    // Exact numbers in messages and previews can run to hundreds of digits, so they wrap
    // wherever needed to keep the page from scrolling sideways.
    <div className="space-y-6 wrap-anywhere">
      {pendingLoad !== null && (
        <LoadAttemptDialog
          onLoad={() => loadPendingAttempt(pendingLoad)}
          onKeep={draft.dismissLoad}
        />
      )}
      <section aria-label="Network editor" className="space-y-3">
        <h2 className="text-lg font-semibold">Your network</h2>
        <NetworkEditor state={editor} onChange={changeGrids} />
      </section>
      <LivePreview
        text={text}
        domain={props.domain}
        targetPlot={props.targetPlot}
        check={check}
        attemptsLeft={log.attemptsLeft}
      />
      <section aria-label="Paste or upload a network" className="space-y-3">
        <NetworkJsonField
          value={text}
          problems={reading.ok ? [] : reading.messages}
          onChange={changeText}
        />
        <UploadField onLoad={changeText} />
        <p className="text-xs text-slate-500">
          {saved
            ? "Your draft is saved in this browser as you type."
            : "This browser did not save your draft (storage is full or disabled): keep a copy of the JSON."}
        </p>
      </section>
      <SubmitPanel
        text={text}
        check={check}
        attemptsLeft={log.attemptsLeft}
        domain={props.domain}
        submit={props.submit}
        onResult={log.record}
        closedMessage={props.closedMessage}
        preview={props.preview ?? false}
      />
    </div>
  );
}
