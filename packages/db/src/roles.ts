import { z } from "zod";

/** Roles a member can have in a course, from least to most privileged. */
export const ROLES = ["student", "tutor", "admin"] as const;

/** A member's role in a course. */
export type Role = (typeof ROLES)[number];

/** Schema of a role as stored in `Membership.role`. */
export const roleSchema = z.enum(ROLES);

/** Parses a stored role, throwing when the database contains a value outside {@link ROLES}. */
export function parseRole(value: string): Role {
  return roleSchema.parse(value);
}

/** Checks whether `role` may see hidden exercises and other members' work: tutors and admins. */
export function isStaffRole(role: Role): boolean {
  return role === "tutor" || role === "admin";
}
