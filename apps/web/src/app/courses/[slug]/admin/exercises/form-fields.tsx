"use client";

import { createContext, useContext, type ReactNode } from "react";

import type { ExerciseForm } from "@/lib/exercise-form";

import { SelectField, TextArea, TextField } from "../admin-ui";

/** The form's fields whose value is text. */
type TextKey = {
  [K in keyof ExerciseForm]: ExerciseForm[K] extends string ? K : never;
}[keyof ExerciseForm];

type FormUpdate = (update: (current: ExerciseForm) => ExerciseForm) => void;

/** The exercise form's values, their setter and each field's errors, for the fields below. */
interface EditorFields {
  form: ExerciseForm;
  setForm: FormUpdate;
  /** Error messages by form field key, such as `points` or `knownWrong.0.name`. */
  errors: ReadonlyMap<string, string[]>;
}

const EditorFieldsContext = createContext<EditorFields | null>(null);

/** Provides the form to the {@link FormText} and {@link FormSelect} fields inside it. */
export function EditorFieldsProvider({
  value,
  children,
}: {
  value: EditorFields;
  children: ReactNode;
}) {
  return <EditorFieldsContext value={value}>{children}</EditorFieldsContext>;
}

/** Returns the exercise form's context; only fields inside the editor call it. */
export function useEditorFields(): EditorFields {
  const fields = useContext(EditorFieldsContext);
  if (fields === null) throw new Error("An exercise form field is outside EditorFieldsProvider.");
  return fields;
}

/** Returns the element id of the control of a form field key, such as `exercise-statement`. */
export function fieldElementId(key: string): string {
  return `exercise-${key.replaceAll(".", "-")}`;
}

/**
 * Renders the text field of the exercise form bound to `name`: a text input, or a text area
 * when `rows` is given, with its hint and the errors of that field.
 */
export function FormText({
  name,
  label,
  hint,
  rows,
}: {
  name: TextKey;
  label: string;
  hint?: string;
  rows?: number;
}) {
  const { form, setForm, errors } = useEditorFields();
  const props = {
    id: fieldElementId(name),
    label,
    hint,
    errors: errors.get(name),
    value: form[name],
    onChange: (value: string) => setForm((current) => ({ ...current, [name]: value })),
  };
  return rows === undefined ? <TextField {...props} /> : <TextArea {...props} rows={rows} />;
}

/** Renders the select of the exercise form bound to `name`, with the errors of that field. */
export function FormSelect<K extends TextKey>({
  name,
  label,
  options,
}: {
  name: K;
  label: string;
  options: readonly ExerciseForm[K][];
}) {
  const { form, setForm, errors } = useEditorFields();
  return (
    <SelectField
      id={fieldElementId(name)}
      label={label}
      errors={errors.get(name)}
      value={form[name]}
      options={options}
      onChange={(value) => setForm((current) => ({ ...current, [name]: value }))}
    />
  );
}
