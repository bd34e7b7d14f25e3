"use server";

import { requestAdminContext } from "../admin/context";
import {
  addMemberRequest,
  changeRoleRequest,
  importRosterRequest,
  removeMemberRequest,
  resetPasswordRequest,
  type AddMemberResponse,
  type MemberChangeResponse,
  type ResetPasswordResponse,
  type RosterResponse,
} from "../admin/members";
import { saveSettingsRequest, type SaveSettingsResponse } from "../admin/settings";

// Each action takes `unknown` because a browser can call it with any value; the functions it
// calls parse the request and check that the signed-in user is an admin of the course.

/** Adds a person to the course by email, with a one-time password for a new account. */
export async function addMemberAction(request: unknown): Promise<AddMemberResponse> {
  return addMemberRequest(await requestAdminContext(), request);
}

/** Changes a member's role. */
export async function changeRoleAction(request: unknown): Promise<MemberChangeResponse> {
  return changeRoleRequest(await requestAdminContext(), request);
}

/** Removes a member from the course. */
export async function removeMemberAction(request: unknown): Promise<MemberChangeResponse> {
  return removeMemberRequest(await requestAdminContext(), request);
}

/** Gives a member a new one-time password and ends all of their sessions. */
export async function resetPasswordAction(request: unknown): Promise<ResetPasswordResponse> {
  return resetPasswordRequest(await requestAdminContext(), request);
}

/** Imports a CSV roster and reports each row. */
export async function importRosterAction(request: unknown): Promise<RosterResponse> {
  return importRosterRequest(await requestAdminContext(), request);
}

/** Stores the course's title, description and late-attempt rule. */
export async function saveSettingsAction(request: unknown): Promise<SaveSettingsResponse> {
  return saveSettingsRequest(await requestAdminContext(), request);
}
