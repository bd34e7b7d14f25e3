import { useId, type ReactNode, type Ref } from "react";

/** The attributes that tie a form control to its label, hint and error. */
export interface ControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

/** Options of every labelled field of the admin forms besides its value. */
interface FieldOptions {
  label: string;
  /** A sentence under the control, read as its description rather than part of its name. */
  hint?: string | undefined;
  /** Problems of the value, shown under the control and marking it invalid. */
  errors?: string[] | undefined;
  /** The control's element id, for links from a summary of problems; generated when absent. */
  id?: string | undefined;
}

/**
 * Lays out one field of the admin forms: the label, the control, the hint and the errors. The
 * label alone names the control, and the hint and errors describe it through
 * `aria-describedby`, so `getByLabel("Exercise id", { exact: true })` finds it.
 */
export function Field({
  label,
  hint,
  errors = [],
  id,
  children,
}: FieldOptions & { children: (control: ControlProps) => ReactNode }) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const described = [hint ? hintId : null, errors.length > 0 ? errorId : null].filter(Boolean);
  const control: ControlProps = { id: controlId };
  if (described.length > 0) control["aria-describedby"] = described.join(" ");
  if (errors.length > 0) control["aria-invalid"] = true;

  return (
    <div className="block text-sm">
      <label htmlFor={controlId} className="font-medium">
        {label}
      </label>
      {children(control)}
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <p id={errorId} className="mt-1 text-xs font-medium text-red-700">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}

const CONTROL_CLASS =
  "mt-1 block w-full rounded border px-2 py-1 font-mono text-sm " +
  "border-slate-300 aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600";

/** A labelled text input of the admin forms. */
export function TextField({
  value,
  onChange,
  type = "text",
  name,
  maxLength,
  inputRef,
  ...field
}: FieldOptions & {
  value: string;
  onChange: (value: string) => void;
  type?: string;
  name?: string;
  /** The server's limit, so typing stops there. */
  maxLength?: number | undefined;
  /** A ref to the input, to focus it after a failed save. */
  inputRef?: Ref<HTMLInputElement> | undefined;
}) {
  return (
    <Field {...field}>
      {(control) => (
        <input
          {...control}
          ref={inputRef}
          type={type}
          name={name}
          maxLength={maxLength}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className={CONTROL_CLASS}
        />
      )}
    </Field>
  );
}

/** A labelled multi-line input of the admin forms. */
export function TextArea({
  value,
  onChange,
  rows = 6,
  maxLength,
  inputRef,
  ...field
}: FieldOptions & {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  /** The server's limit, so typing stops there. */
  maxLength?: number | undefined;
  /** A ref to the text area, to focus it after a failed save. */
  inputRef?: Ref<HTMLTextAreaElement> | undefined;
}) {
  return (
    <Field {...field}>
      {(control) => (
        <textarea
          {...control}
          ref={inputRef}
          maxLength={maxLength}
          value={value}
          rows={rows}
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
          className={CONTROL_CLASS}
        />
      )}
    </Field>
  );
}

/** A labelled select of the admin forms. */
export function SelectField<T extends string>({
  value,
  options,
  onChange,
  ...field
}: FieldOptions & {
  value: T;
  options: readonly T[];
  onChange: (value: T) => void;
}) {
  return (
    <Field {...field}>
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(event) => onChange(event.target.value as T)}
          className={`${CONTROL_CLASS} bg-white font-sans`}
        >
          {options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * A bordered section of an admin page with a heading. `busy` marks it with aria-busy while a
 * request that will change its content runs.
 */
export function Panel({
  title,
  busy = false,
  children,
}: {
  title: string;
  busy?: boolean;
  children: ReactNode;
}) {
  return (
    <section
      aria-label={title}
      aria-busy={busy}
      className="mt-6 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 className="text-lg font-semibold">{title}</h2>
      <div className="mt-3 space-y-3">{children}</div>
    </section>
  );
}

/** A primary button of the admin forms. */
export function Button({
  children,
  onClick,
  disabled,
  type = "button",
  tone = "primary",
  label,
}: {
  children: ReactNode;
  onClick?: () => void;
  disabled?: boolean;
  type?: "button" | "submit";
  tone?: "primary" | "danger" | "plain";
  /** Accessible name in place of the visible text, for a button repeated in every row. */
  label?: string;
}) {
  const tones = {
    primary: "bg-indigo-600 text-white hover:bg-indigo-700",
    danger: "bg-red-600 text-white hover:bg-red-700",
    plain: "border border-slate-300 bg-white hover:bg-slate-100",
  };
  return (
    <button
      type={type}
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      className={`rounded px-3 py-1.5 text-sm font-medium disabled:opacity-50 ${tones[tone]}`}
    >
      {children}
    </button>
  );
}

/** One entry of a {@link ProblemList}. */
export interface ListedProblem {
  /** Place of the problem, such as a field's label, or "" for the request as a whole. */
  place: string;
  message: string;
  /** The id of the control to focus from the entry, when one field shows the problem. */
  fieldId?: string | undefined;
}

/**
 * A list of problems, each with its place, shown with role "alert". An entry with a `fieldId`
 * links to its field and focuses it. `ref` receives the list, which takes focus by script only.
 */
export function ProblemList({
  title,
  problems,
  ref,
}: {
  title: string;
  problems: ListedProblem[];
  ref?: Ref<HTMLDivElement>;
}) {
  if (problems.length === 0) return null;
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900"
    >
      <p className="font-medium">{title}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {problems.map((problem, index) => (
          <li key={index}>
            {problem.place === "" ? (
              problem.message
            ) : problem.fieldId === undefined ? (
              <span className="font-medium">{problem.place}</span>
            ) : (
              <a
                href={`#${problem.fieldId}`}
                className="font-medium underline"
                onClick={(event) => {
                  const field = document.getElementById(problem.fieldId ?? "");
                  if (field === null) return;
                  event.preventDefault();
                  field.focus();
                }}
              >
                {problem.place}
              </a>
            )}
            {problem.place !== "" && `: ${problem.message}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
