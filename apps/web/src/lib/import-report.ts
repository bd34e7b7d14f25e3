import type {
  CourseChange,
  ExerciseSetting,
  ImportReport,
  PlannedCourse,
  PlannedExercise,
} from "@sawtooth/db";

const COURSE_CHANGE_NAMES: Record<CourseChange, string> = {
  title: "title",
  description: "description",
  acceptLate: "late attempts",
  order: "exercise order",
};

function listOf(slugs: string[]): string {
  return slugs.length === 0 ? "" : ` (${slugs.join(", ")})`;
}

/** Writes one sentence on what an import changed, naming every exercise it changed. */
export function describeImportReport(report: ImportReport): string {
  const parts = [
    `${report.created.length} created${listOf(report.created)}`,
    `${report.updated.length} with a new version${listOf(report.updated)}`,
    `${report.wordingChanged.length} with new wording in the same version${listOf(report.wordingChanged)}`,
    `${report.settingsChanged.length} with new settings only${listOf(report.settingsChanged)}`,
    `${report.unchanged.length} unchanged`,
  ];
  const changes = report.courseChanges.map((change) => COURSE_CHANGE_NAMES[change]);
  const course =
    changes.length === 0
      ? "course settings unchanged"
      : `course settings updated: ${changes.join(", ")}`;
  return `Imported exercises: ${parts.join(", ")}; ${course}.`;
}

const SETTING_NAMES: Record<ExerciseSetting, string> = {
  title: "title",
  dueDate: "due date",
  visibility: "visibility",
  attemptLimit: "attempt limit",
  showTarget: "target plot",
};

function settingsOf(exercise: PlannedExercise): string {
  return exercise.settings
    .map((setting) =>
      setting === "visibility" ? `visibility (${exercise.visibility})` : SETTING_NAMES[setting],
    )
    .join(", ");
}

/** Writes what an import plan does to one exercise, naming the wording and settings it changes. */
export function describePlannedExercise(exercise: PlannedExercise): string {
  const settings =
    exercise.settings.length === 0 ? "" : `; settings changed: ${settingsOf(exercise)}`;
  const wording = exercise.wording.join(", ");
  switch (exercise.change) {
    case "created":
      return `New exercise, version 1, ${exercise.visibility}`;
    case "version": {
      const alsoWording = wording === "" ? "" : `; wording changed: ${wording}`;
      return `New version ${exercise.version}, because what grading depends on changed${alsoWording}${settings}`;
    }
    case "wording":
      return `Wording changed in place in version ${exercise.version}: ${wording}${settings}`;
    case "settings":
      return `Settings changed: ${settingsOf(exercise)}`;
    case "none":
      return "Unchanged";
  }
}

/** Writes one line per course setting that an import plan changes, or one line for none. */
export function describePlannedCourse(course: PlannedCourse): string[] {
  const lines = course.changes.map((change) => {
    switch (change) {
      case "title":
        return `Title: "${course.before.title}" becomes "${course.after.title}".`;
      case "description":
        return "Description: replaced by course.json's.";
      case "acceptLate":
        return `Late attempts: ${course.after.acceptLate ? "accepted" : "refused"} from now on.`;
      case "order":
        return `Exercise order: ${course.order.join(", ")}.`;
    }
  });
  return lines.length > 0 ? lines : ["Course title, description and order stay as they are."];
}
