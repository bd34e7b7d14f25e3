import type { CourseChange, ImportReport } from "@sawtooth/db";

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
