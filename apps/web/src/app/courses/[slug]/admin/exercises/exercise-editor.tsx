"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { FINDING_CODES } from "@sawtooth/theory";

import { Markdown } from "@/components/markdown";
import { fieldLabel } from "@/lib/exercise-fields";
import {
  ACTIVATIONS,
  dueDateToIso,
  formToDefinition,
  TARGET_KINDS,
  type ExerciseForm,
} from "@/lib/exercise-form";
import type { SaveExerciseResult } from "@/server/admin/exercise-editor";
import { saveExerciseAction } from "@/server/actions/admin-exercises";

import { Button, Panel, ProblemList, SelectField, TextArea, TextField } from "../admin-ui";
import { SelfTestTable } from "../self-test-table";
import { TargetFields } from "./target-fields";

interface ExerciseEditorProps {
  courseSlug: string;
  /** The exercise being edited, or null for a new one. */
  exerciseSlug: string | null;
  initial: ExerciseForm;
}

/**
 * Renders the exercise form: every field of an exercise file, a live preview of the statement,
 * and the server's validation and self-test after each save.
 */
export function ExerciseEditor({ courseSlug, exerciseSlug, initial }: ExerciseEditorProps) {
  const router = useRouter();
  const [form, setForm] = useState(initial);
  const [result, setResult] = useState<SaveExerciseResult | null>(null);
  const [formProblems, setFormProblems] = useState<{ place: string; message: string }[]>([]);
  const [pending, startTransition] = useTransition();
  const set =
    <K extends keyof ExerciseForm>(key: K) =>
    (value: ExerciseForm[K]) =>
      setForm((current) => ({ ...current, [key]: value }));

  function save() {
    const { definition, problems } = formToDefinition(form);
    setFormProblems(problems.map((p) => ({ place: fieldLabel(p.path), message: p.message })));
    if (problems.length > 0) return;
    startTransition(async () => {
      const response = await saveExerciseAction({
        courseSlug,
        exerciseSlug,
        definition: JSON.stringify(definition),
        dueDate: dueDateToIso(form.dueDate),
      });
      setResult(response);
      if (response.status === "saved") {
        if (exerciseSlug === null) {
          router.push(`/courses/${courseSlug}/admin/exercises/${response.slug}`);
        } else {
          router.refresh();
        }
      }
    });
  }

  const serverProblems =
    result?.status === "invalid"
      ? result.problems.map((p) => ({ place: p.field, message: p.message }))
      : result?.status === "rejected"
        ? [{ place: "Request", message: result.message }]
        : [];

  return (
    <form
      aria-label="Exercise"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Panel title="Basics">
        <div className="grid grid-cols-2 gap-3">
          <TextField
            label="Exercise id"
            value={form.id}
            onChange={set("id")}
            hint="Lower-case words joined by hyphens; part of the URL; fixed once created."
          />
          <TextField label="Title" value={form.title} onChange={set("title")} />
        </div>
        <div className="grid grid-cols-2 gap-3">
          <TextArea
            label="Statement"
            value={form.statement}
            onChange={set("statement")}
            rows={12}
            hint="Markdown with $…$ and $$…$$ math."
          />
          <div aria-label="Statement preview" role="region" className="text-sm">
            <span className="font-medium">Preview</span>
            <div className="mt-1 min-h-40 rounded border border-slate-200 p-3">
              <Markdown>{form.statement}</Markdown>
            </div>
          </div>
        </div>
      </Panel>

      <Panel title="Target and domain">
        <div className="grid grid-cols-3 gap-3">
          <SelectField
            label="Target kind"
            value={form.targetKind}
            options={TARGET_KINDS}
            onChange={set("targetKind")}
          />
          <TextField
            label="Domain lower end"
            value={form.domainLo}
            onChange={set("domainLo")}
            hint="Exact number such as -1 or 1/2; empty for unbounded."
          />
          <TextField
            label="Domain upper end"
            value={form.domainHi}
            onChange={set("domainHi")}
            hint="Empty for unbounded."
          />
        </div>
        <TargetFields form={form} setForm={setForm} />
      </Panel>

      <Panel title="Constraints">
        <div className="grid grid-cols-3 gap-3">
          <TextField label="Inputs" value={form.inputs} onChange={set("inputs")} />
          <TextField label="Outputs" value={form.outputs} onChange={set("outputs")} />
          <SelectField
            label="Numbers"
            value={form.numbers}
            options={["any", "integer", "dyadic"] as const}
            onChange={set("numbers")}
          />
          <TextField label="Minimum depth" value={form.minDepth} onChange={set("minDepth")} />
          <TextField label="Maximum depth" value={form.maxDepth} onChange={set("maxDepth")} />
          <TextField label="Maximum width" value={form.maxWidth} onChange={set("maxWidth")} />
          <TextField
            label="Maximum parameters"
            value={form.maxParameters}
            onChange={set("maxParameters")}
          />
        </div>
        <ActivationChoice
          legend="Hidden activations allowed (none ticked: any)"
          value={form.activations}
          onChange={set("activations")}
        />
        <ActivationChoice
          legend="Output activations allowed (none ticked: any)"
          value={form.outputActivations}
          onChange={set("outputActivations")}
        />
      </Panel>

      <Panel title="Scoring and attempts">
        <div className="grid grid-cols-3 gap-3">
          <SelectField
            label="Scoring"
            value={form.scoring}
            options={["all-or-nothing", "partial"] as const}
            onChange={set("scoring")}
          />
          <TextField
            label="Attempt limit"
            value={form.attemptLimit}
            onChange={set("attemptLimit")}
            hint="Empty for no limit."
          />
          <TextField
            label="Due date (UTC)"
            type="datetime-local"
            value={form.dueDate}
            onChange={set("dueDate")}
          />
        </div>
        <Checkbox
          label="Show the target plot to students"
          checked={form.showTargetPlot}
          onChange={set("showTargetPlot")}
        />
        <Checkbox
          label="Show the expected value at a counterexample"
          checked={form.showExpectedValues}
          onChange={set("showExpectedValues")}
        />
        <TextField label="Tags" value={form.tags} onChange={set("tags")} hint="Comma-separated." />
      </Panel>

      <Panel title="Reference and known-wrong submissions">
        <TextArea
          label="Reference solution"
          value={form.reference}
          onChange={set("reference")}
          rows={8}
          hint="Required: a network in the native JSON format that the grader must accept."
        />
        <KnownWrongList form={form} setForm={setForm} />
      </Panel>

      <div className="mt-6 space-y-3">
        <ProblemList title="The exercise was not saved." problems={formProblems} />
        <ProblemList title="The exercise was not saved." problems={serverProblems} />
        {result?.status === "saved" && (
          <p role="status" className="text-sm text-green-800">
            Saved as version {result.version}
            {result.createdVersion ? "." : " (no change since the last version)."}
          </p>
        )}
        {result && "selfTest" in result && result.selfTest && (
          <SelfTestTable selfTest={result.selfTest} />
        )}
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save and run self-test"}
        </Button>
      </div>
    </form>
  );
}

function Checkbox({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (value: boolean) => void;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

function ActivationChoice({
  legend,
  value,
  onChange,
}: {
  legend: string;
  value: string[];
  onChange: (value: string[]) => void;
}) {
  return (
    <fieldset className="text-sm">
      <legend className="font-medium">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-4">
        {ACTIVATIONS.map((name) => (
          <label key={name} className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={value.includes(name)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...value, name]
                    : value.filter((selected) => selected !== name),
                )
              }
            />
            {name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function KnownWrongList({
  form,
  setForm,
}: {
  form: ExerciseForm;
  setForm: (update: (current: ExerciseForm) => ExerciseForm) => void;
}) {
  const update = (index: number, key: "name" | "finding" | "submission", value: string) =>
    setForm((current) => ({
      ...current,
      knownWrong: current.knownWrong.map((wrong, i) =>
        i === index ? { ...wrong, [key]: value } : wrong,
      ),
    }));
  return (
    <div className="space-y-4">
      {form.knownWrong.map((wrong, index) => (
        <fieldset key={index} className="rounded border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">Known-wrong submission {index + 1}</legend>
          <div className="grid grid-cols-2 gap-3">
            <TextField
              label="Name"
              value={wrong.name}
              onChange={(value) => update(index, "name", value)}
            />
            <SelectField
              label="Finding it must produce"
              value={wrong.finding}
              options={FINDING_CODES}
              onChange={(value) => update(index, "finding", value)}
            />
          </div>
          <TextArea
            label="Submission"
            value={wrong.submission}
            rows={5}
            onChange={(value) => update(index, "submission", value)}
          />
          <Button
            tone="plain"
            onClick={() =>
              setForm((current) => ({
                ...current,
                knownWrong: current.knownWrong.filter((_, i) => i !== index),
              }))
            }
          >
            Remove known-wrong submission {index + 1}
          </Button>
        </fieldset>
      ))}
      <Button
        tone="plain"
        onClick={() =>
          setForm((current) => ({
            ...current,
            knownWrong: [
              ...current.knownWrong,
              { name: "", finding: "function.differs", submission: "" },
            ],
          }))
        }
      >
        Add a known-wrong submission
      </Button>
    </div>
  );
}
