"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";

import { FINDING_CODES, MAX_EXERCISE_TITLE_LENGTH } from "@sawtooth/theory";

import { errorMessage } from "@/components/error-message";
import { useLeaveWarning } from "@/components/leave-warning";
import { checkExerciseForm, sortByField, type FormError } from "@/lib/exercise-check";
import { formFieldOf, type FieldProblem } from "@/lib/exercise-fields";
import {
  ACTIVATIONS,
  dueDateToIso,
  rowLineNumbers,
  TARGET_KINDS,
  type ExerciseForm,
} from "@/lib/exercise-form";
import type { EditorCourseSize } from "@/lib/exercise-size";
import type { SaveExerciseResult } from "@/server/admin/exercise-editor";
import { saveExerciseAction } from "@/server/actions/admin-exercises";

import { Button, Panel, ProblemList, SelectField, TextArea, TextField } from "../admin-ui";
import { SelfTestTable } from "../self-test-table";
import {
  EditorFieldsProvider,
  fieldElementId,
  FormSelect,
  FormText,
  useEditorFields,
} from "./form-fields";
import { useSavedExercise } from "./saved-exercise";
import { SizeSummary } from "./size-summary";
import { StatementWithPreview } from "./statement-preview";
import { TargetFields } from "./target-fields";

/** The question a same-site link asks before it leaves a form with unsaved changes. */
const LEAVE_QUESTION = "You have unsaved changes to this exercise. Leave and lose them?";

interface ExerciseEditorProps {
  courseSlug: string;
  /** The exercise being edited, or null for a new one. */
  exerciseSlug: string | null;
  initial: ExerciseForm;
  /** The stored revision `initial` was loaded from, or "" for a new exercise. */
  revision: string;
  /** The course's other exercises as measured when the page loaded, for the size summary. */
  courseSize: EditorCourseSize;
}

/** Places the server's problems at the form's fields, as the form's own check does. */
function placeServerProblems(problems: FieldProblem[], form: ExerciseForm): FormError[] {
  const rowLines = {
    points: rowLineNumbers(form.points),
    labelledPoints: rowLineNumbers(form.labelledPoints),
  };
  const errors = problems.map((problem) => {
    const field = formFieldOf(problem.path, form.targetKind, rowLines);
    return { path: problem.path, key: field.key, place: field.label, message: problem.message };
  });
  return sortByField(errors);
}

function errorsByField(errors: FormError[]): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const error of errors) {
    if (error.key !== null)
      byField.set(error.key, [...(byField.get(error.key) ?? []), error.message]);
  }
  return byField;
}

/**
 * Renders the exercise form: every field of an exercise file, a live preview of the statement,
 * and the server's validation and self-test after each save. The whole form is checked before
 * sending, and every problem is shown at its field and in a summary that takes focus.
 */
export function ExerciseEditor({
  courseSlug,
  exerciseSlug,
  initial,
  revision: initialRevision,
  courseSize,
}: ExerciseEditorProps) {
  const router = useRouter();
  const savedExercise = useSavedExercise();
  const [form, setForm] = useState(initial);
  // The form as last loaded or saved, and the stored revision it matches.
  const [savedForm, setSavedForm] = useState(initial);
  const [revision, setRevision] = useState(initialRevision);
  // A new exercise's first save moves to its own page, and the result comes along.
  const [result, setResult] = useState<SaveExerciseResult | null>(
    () => savedExercise?.find(exerciseSlug) ?? null,
  );
  const [errors, setErrors] = useState<FormError[]>([]);
  const [requestError, setRequestError] = useState<string | null>(null);
  const [failedSaves, setFailedSaves] = useState(0);
  const [pending, startTransition] = useTransition();
  const summary = useRef<HTMLDivElement>(null);
  const dirty = useMemo(() => !sameForm(form, savedForm), [form, savedForm]);
  const discardEdits = useLeaveWarning("exercise-editor", dirty, LEAVE_QUESTION);

  useEffect(() => {
    savedExercise?.clear();
  }, [savedExercise]);
  useEffect(() => {
    if (failedSaves > 0) summary.current?.focus();
  }, [failedSaves]);

  function fail(next: FormError[], message: string | null = null) {
    setErrors(next);
    setRequestError(message);
    setFailedSaves((count) => count + 1);
  }

  function save() {
    const checked = checkExerciseForm(form);
    if (checked.errors.length > 0) {
      setResult(null);
      fail(checked.errors);
      return;
    }
    const sentForm = form;
    startTransition(async () => {
      let response: SaveExerciseResult;
      try {
        response = await saveExerciseAction({
          courseSlug,
          exerciseSlug,
          definition: checked.definition,
          dueDate: dueDateToIso(sentForm.dueDate),
          ...(exerciseSlug === null ? {} : { revision }),
        });
      } catch (error) {
        // A request the server could not read, or a lost connection, keeps the form and shows why.
        fail([], errorMessage(error));
        return;
      }
      setResult(response);
      if (response.status !== "saved") {
        const placed = response.status === "invalid" ? response.problems : [];
        fail(placeServerProblems(placed, sentForm));
        return;
      }
      setErrors([]);
      setRequestError(null);
      setSavedForm(sentForm);
      setRevision(response.revision);
      if (exerciseSlug === null) {
        savedExercise?.keep(response);
        router.push(`/courses/${courseSlug}/admin/exercises/${response.slug}`);
      } else if (new URLSearchParams(window.location.search).has("version")) {
        // The older version the form was loaded from is now the newest one.
        savedExercise?.keep(response);
        router.replace(`/courses/${courseSlug}/admin/exercises/${exerciseSlug}`);
      } else {
        router.refresh();
      }
    });
  }

  const listed = errors.map((error) => ({
    place: error.place,
    message: error.message,
    fieldId: error.key === null ? undefined : fieldElementId(error.key),
  }));
  if (result?.status === "rejected" || result?.status === "conflict")
    listed.push({ place: "", message: result.message, fieldId: undefined });
  if (requestError !== null) listed.push({ place: "", message: requestError, fieldId: undefined });

  return (
    <EditorFieldsProvider value={{ form, setForm, errors: errorsByField(errors) }}>
      <form
        aria-label="Exercise"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Panel title="Basics">
          <div className="grid grid-cols-2 gap-3">
            <FormText
              name="id"
              label="Exercise id"
              hint="Lower-case words joined by hyphens, such as tent-h2; part of the URL; fixed once created."
            />
            <FormText
              name="title"
              label="Title"
              hint={`At most ${MAX_EXERCISE_TITLE_LENGTH} characters.`}
            />
          </div>
          <StatementWithPreview statement={form.statement}>
            <FormText
              name="statement"
              label="Statement"
              rows={12}
              hint="Markdown with $…$ and $$…$$ math and tables."
            />
          </StatementWithPreview>
        </Panel>

        <Panel title="Target and domain">
          <div className="grid grid-cols-3 gap-3">
            <FormSelect name="targetKind" label="Target kind" options={TARGET_KINDS} />
            <FormText
              name="domainLo"
              label="Domain, lower end"
              hint="Exact number such as -1 or 1/2; empty for unbounded."
            />
            <FormText name="domainHi" label="Domain, upper end" hint="Empty for unbounded." />
          </div>
          <TargetFields />
        </Panel>

        <Panel title="Constraints">
          <div className="grid grid-cols-3 gap-3">
            <FormText name="inputs" label="Inputs" />
            <FormText name="outputs" label="Outputs" />
            <FormSelect name="numbers" label="Numbers" options={["any", "integer", "dyadic"]} />
            <FormText name="minDepth" label="Minimum depth" />
            <FormText name="maxDepth" label="Maximum depth" />
            <FormText name="maxWidth" label="Maximum width" />
            <FormText name="maxParameters" label="Maximum parameters" />
          </div>
          <ActivationChoice
            legend="Hidden activations allowed (none ticked: any)"
            value={form.activations}
            onChange={(activations) => setForm((current) => ({ ...current, activations }))}
          />
          <ActivationChoice
            legend="Output activations allowed (none ticked: any)"
            value={form.outputActivations}
            onChange={(outputActivations) =>
              setForm((current) => ({ ...current, outputActivations }))
            }
          />
        </Panel>

        <Panel title="Scoring and attempts">
          <div className="grid grid-cols-3 gap-3">
            <FormSelect name="scoring" label="Scoring" options={["all-or-nothing", "partial"]} />
            <FormText name="attemptLimit" label="Attempt limit" hint="Empty for no limit." />
            <DueDateField />
          </div>
          <Checkbox
            label="Show the target plot to students"
            checked={form.showTargetPlot}
            onChange={(showTargetPlot) => setForm((current) => ({ ...current, showTargetPlot }))}
          />
          <Checkbox
            label="Show the expected value at a counterexample"
            checked={form.showExpectedValues}
            onChange={(showExpectedValues) =>
              setForm((current) => ({ ...current, showExpectedValues }))
            }
          />
          <FormText
            name="tags"
            label="Tags"
            hint="Comma-separated. A tag repeated in any letter case is stored once."
          />
        </Panel>

        <Panel title="Reference and known-wrong submissions">
          <FormText
            name="reference"
            label="Reference solution"
            rows={8}
            hint="Required: a network in the native JSON format that the grader must accept."
          />
          <KnownWrongList />
        </Panel>

        <div className="mt-6 space-y-3">
          <ProblemList ref={summary} title="The exercise was not saved." problems={listed} />
          {result?.status === "conflict" && (
            <Button
              tone="plain"
              onClick={() => {
                discardEdits();
                window.location.reload();
              }}
            >
              Reload the stored exercise (discards your edits)
            </Button>
          )}
          {result?.status === "saved" && (
            <p role="status" className="text-sm text-green-800">
              {savedMessage(result)}
            </p>
          )}
          {result && "selfTest" in result && result.selfTest && (
            <SelfTestTable selfTest={result.selfTest} />
          )}
          <SizeSummary form={form} courseSize={courseSize} isNew={exerciseSlug === null} />
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save and run self-test"}
          </Button>
        </div>
      </form>
    </EditorFieldsProvider>
  );
}

/**
 * Returns the status line of a save: a new version (saying which earlier version it repeats,
 * if any), new wording (title, statement or tags, with or without new settings), new settings
 * only, or no change.
 */
function savedMessage(result: Extract<SaveExerciseResult, { status: "saved" }>): string {
  if (result.createdVersion && result.sameDefinitionAs !== null) {
    return (
      `Saved as version ${result.version}, the same definition as version ` +
      `${result.sameDefinitionAs}.`
    );
  }
  if (result.createdVersion) return `Saved as version ${result.version}.`;
  if (result.wordingChanged) {
    return `Saved the new wording. The grading version stays ${result.version}.`;
  }
  if (result.columnsChanged) {
    return `Saved the settings. The grading version stays ${result.version}.`;
  }
  return `Nothing changed, so the exercise stays at version ${result.version}.`;
}

function sameForm(a: ExerciseForm, b: ExerciseForm): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function DueDateField() {
  const { form, setForm, errors } = useEditorFields();
  return (
    <TextField
      id={fieldElementId("dueDate")}
      label="Due date (UTC)"
      type="datetime-local"
      value={form.dueDate}
      errors={errors.get("dueDate")}
      onChange={(dueDate) => setForm((current) => ({ ...current, dueDate }))}
    />
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

function KnownWrongList() {
  const { form, setForm, errors } = useEditorFields();
  const update = (index: number, key: "name" | "finding" | "submission", value: string) =>
    setForm((current) => ({
      ...current,
      knownWrong: current.knownWrong.map((wrong, i) =>
        i === index ? { ...wrong, [key]: value } : wrong,
      ),
    }));
  const fieldOf = (index: number, key: string) => ({
    id: fieldElementId(`knownWrong.${index}.${key}`),
    errors: errors.get(`knownWrong.${index}.${key}`),
  });
  return (
    <div className="space-y-4">
      {form.knownWrong.map((wrong, index) => (
        <fieldset key={index} className="rounded border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">Known-wrong submission {index + 1}</legend>
          <div className="grid grid-cols-2 gap-3">
            <TextField
              {...fieldOf(index, "name")}
              label="Name"
              value={wrong.name}
              onChange={(value) => update(index, "name", value)}
            />
            <SelectField
              {...fieldOf(index, "finding")}
              label="Finding it must produce"
              value={wrong.finding}
              options={FINDING_CODES}
              onChange={(value) => update(index, "finding", value)}
            />
          </div>
          <TextArea
            {...fieldOf(index, "submission")}
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
