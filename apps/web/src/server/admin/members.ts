import "server-only";

import { z } from "zod";

import {
  addMember,
  changeMemberRole,
  checkEmailAddress,
  importRoster,
  removeMember,
  resetMemberPassword,
  roleSchema,
  type MemberChangeResult,
  type PasswordResetResult,
  type RosterOutcome,
} from "@sawtooth/db";

import { rosterSizeProblem } from "@/lib/roster-file";

import { logger } from "../log";
import {
  authorizeAdmin,
  authorizeAdminRequest,
  invalidRequest,
  type AdminContext,
  type Rejected,
} from "./admin-access";

/** Message for an email field whose value is not a full address. */
export const INVALID_EMAIL_MESSAGE = "Enter a full address such as name@example.org.";

const addRequest = z.object({
  courseSlug: z.string().min(1).max(200),
  email: z.string().trim(),
  name: z.string(),
  role: roleSchema,
});

/** A field of the "Add a member" form with the problem to show at it. */
export interface MemberFieldProblem {
  status: "invalid";
  field: "email" | "name";
  message: string;
}

/** Result of {@link addMemberRequest}. */
export type AddMemberResponse =
  | Rejected
  | MemberFieldProblem
  | { status: "added"; email: string; password: string | null }
  | { status: "already-member"; email: string; role: string };

/** Adds a person by email with a role, creating an account with a one-time password if needed. */
export async function addMemberRequest(
  context: AdminContext,
  request: unknown,
): Promise<AddMemberResponse> {
  const parsed = addRequest.safeParse(request);
  if (!parsed.success) {
    const emailIssue = parsed.error.issues.find((issue) => issue.path[0] === "email");
    if (emailIssue) return { status: "invalid", field: "email", message: INVALID_EMAIL_MESSAGE };
    return invalidRequest(parsed.error.issues.map((issue) => issue.path));
  }
  const emailProblem = checkEmailAddress(parsed.data.email);
  if (emailProblem !== null) {
    const message =
      emailProblem.code === "invalid-format"
        ? INVALID_EMAIL_MESSAGE
        : `Email: ${emailProblem.message}.`;
    return { status: "invalid", field: "email", message };
  }
  const access = await authorizeAdmin(context, parsed.data.courseSlug);
  if ("status" in access) return access;

  const { email, name, role } = parsed.data;
  const result = await addMember(context.db, access.course.id, { email, name, role });
  const normalized = email.toLowerCase();
  if (result.status === "invalid-name") {
    return { status: "invalid", field: "name", message: `The name ${result.message}.` };
  }
  if (result.status === "already-member") {
    return { status: "already-member", email: normalized, role: result.role };
  }
  return { status: "added", email: normalized, password: result.password };
}

const memberRequest = z.object({
  courseSlug: z.string().min(1).max(200),
  userId: z.string().min(1).max(200),
});

const roleRequest = memberRequest.extend({ role: roleSchema });

/** Result of a role change or a removal. */
export type MemberChangeResponse = Rejected | { status: "done" };

/** Changes a member's role, refusing to demote the course's last admin. */
export async function changeRoleRequest(
  context: AdminContext,
  request: unknown,
): Promise<MemberChangeResponse> {
  const access = await authorizeAdminRequest(context, roleRequest, request);
  if ("status" in access) return access;

  const { userId, role } = access.data;
  return explain(await changeMemberRole(context.db, access.course.id, userId, role), "demoted");
}

/** Removes a member, refusing to remove the course's last admin. Their attempts stay. */
export async function removeMemberRequest(
  context: AdminContext,
  request: unknown,
): Promise<MemberChangeResponse> {
  const access = await authorizeAdminRequest(context, memberRequest, request);
  if ("status" in access) return access;

  return explain(await removeMember(context.db, access.course.id, access.data.userId), "removed");
}

/** Result of {@link resetPasswordRequest}: the new one-time password, shown to the admin once. */
export type ResetPasswordResponse = Rejected | { status: "reset"; password: string };

/**
 * Gives a member a new one-time password and signs them out everywhere. The admin may reset only
 * an account whose every membership is in a course they administer, and not their own.
 */
export async function resetPasswordRequest(
  context: AdminContext,
  request: unknown,
): Promise<ResetPasswordResponse> {
  const access = await authorizeAdminRequest(context, memberRequest, request);
  if ("status" in access) return access;

  const reset = { courseId: access.course.id, adminId: access.userId, userId: access.data.userId };
  const result = await resetMemberPassword(context.db, reset);
  if (result.status === "reset") {
    if (!result.unlocked) {
      const ids = { courseId: reset.courseId, userId: reset.userId };
      logger.warn(ids, "password reset stored, but clearing failed sign-ins failed");
    }
    return { status: "reset", password: result.password };
  }
  return { status: "rejected", message: RESET_REJECTIONS[result.status] };
}

const RESET_REJECTIONS: Record<Exclude<PasswordResetResult["status"], "reset">, string> = {
  "not-found": "Member not found: reload the page.",
  "own-account": "Your own password is not reset here: change it at /account/password.",
  "member-elsewhere":
    "Password not reset: this person is also a member of a course you do not administer, so " +
    "only an admin of all their courses may reset it.",
};

function explain(result: MemberChangeResult, verb: string): MemberChangeResponse {
  if (result.status === "last-admin") {
    const message = `The last admin cannot be ${verb}: make another member an admin first.`;
    return { status: "rejected", message };
  }
  if (result.status === "not-found") {
    return { status: "rejected", message: "Member not found: reload the page." };
  }
  return { status: "done" };
}

// The roster's length is checked after parsing, so that a long roster gets its own message
// instead of a schema issue. Next.js's body size limit bounds the string before that.
const rosterRequest = z.object({
  courseSlug: z.string().min(1).max(200),
  csv: z.string(),
});

/** Result of {@link importRosterRequest}. */
export type RosterResponse = Rejected | { status: "imported"; outcomes: RosterOutcome[] };

/** Adds every person of a CSV roster (email, name, role) and reports each row's outcome. */
export async function importRosterRequest(
  context: AdminContext,
  request: unknown,
): Promise<RosterResponse> {
  const access = await authorizeAdminRequest(context, rosterRequest, request);
  if ("status" in access) return access;
  const sizeProblem = rosterSizeProblem(access.data.csv.length, "The roster");
  if (sizeProblem !== null) return { status: "rejected", message: sizeProblem };

  const result = await importRoster(context.db, access.course.id, access.data.csv);
  return result.status === "invalid" ? { status: "rejected", message: result.message } : result;
}
