"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";

import type { Role } from "@sawtooth/db";
import { ROLES } from "@sawtooth/db/roles";

import {
  addMemberAction,
  changeRoleAction,
  removeMemberAction,
  resetPasswordAction,
} from "@/server/actions/admin-members";
import { DataTable } from "@/components/data-table";
import type { MemberChangeResponse } from "@/server/admin/members";
import { PersonName } from "@/components/person-name";

import { Button, Panel, ProblemList, SelectField, TextField } from "../admin-ui";

interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
}

/** Id of the element that shows the outcome of a member's last role change. */
function roleStatusId(userId: string): string {
  return `member-role-status-${userId}`;
}

/**
 * Renders the course's members, each with a role select, a "Change role" button, a password
 * reset and a remove button. The buttons are disabled while their request runs, which drops
 * the keyboard focus. So the outcome takes the focus when the request ends. After a role change
 * that is the row's status, and after a removal, or when the row has left the page, the
 * table's message. A refresh that moves the row (it is sorted by role) drops the focus again,
 * so the table moves it back after each render while nothing else has the focus.
 */
export function MemberTable({
  courseSlug,
  currentUserId,
  members,
}: {
  courseSlug: string;
  currentUserId: string;
  members: Member[];
}) {
  // `count` changes with every outcome, so that the same text twice still moves the focus.
  const [message, setMessage] = useState({ text: "", userId: "", count: 0 });
  const messageRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (message.count === 0) return;
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    const rowStatus = document.getElementById(roleStatusId(message.userId));
    (rowStatus ?? messageRef.current)?.focus();
  }, [members, message]);

  function reportChange(userId: string, text: string) {
    setMessage((previous) => ({ text, userId, count: previous.count + 1 }));
  }

  return (
    <>
      <p
        ref={messageRef}
        tabIndex={-1}
        role="status"
        aria-label="Member changes"
        className="mt-4 text-sm"
      >
        {message.text}
      </p>
      <DataTable columns={["Name", "Email", "Role", "Password", "Remove"]} className="mt-2">
        {members.map((member) => (
          <MemberRow
            key={member.userId}
            courseSlug={courseSlug}
            member={member}
            isCurrentUser={member.userId === currentUserId}
            onChange={reportChange}
          />
        ))}
      </DataTable>
    </>
  );
}

/**
 * Renders one member. Choosing a role in the select changes nothing until "Change role" is
 * pressed, so moving through the options with the arrow keys cannot promote anyone, and the
 * outcome is announced in the row's status region.
 */
function MemberRow({
  courseSlug,
  member,
  isCurrentUser,
  onChange,
}: {
  courseSlug: string;
  member: Member;
  isCurrentUser: boolean;
  /**
   * Reports a role change or removal, to move the focus to its outcome. `message` is the text
   * for the page-wide region: a removal's, or "" when the row's own status shows the outcome.
   */
  onChange: (userId: string, message: string) => void;
}) {
  const router = useRouter();
  const [role, setRole] = useState<Role>(member.role);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [reset, setReset] = useState<{ password: string } | { error: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const resetStatusRef = useRef<HTMLParagraphElement>(null);

  /**
   * Runs a role change or removal and shows its outcome. `leaveTo` is the page to open after a
   * change that takes the admin pages away from the current user, which would otherwise reload
   * as the not-found page.
   */
  function run(
    action: () => Promise<MemberChangeResponse>,
    done: string,
    { leaveTo, removes = false }: { leaveTo?: string | undefined; removes?: boolean } = {},
  ) {
    startTransition(async () => {
      const response = await action();
      const ok = response.status === "done";
      const text = response.status === "rejected" ? response.message : done;
      // A removed row's outcome goes only to the page-wide region, every other outcome only to
      // the row's status, so that no outcome is announced twice.
      const removed = ok && removes;
      setOutcome(removed ? null : { ok, text });
      onChange(member.userId, removed ? text : "");
      if (ok && leaveTo !== undefined) {
        router.replace(leaveTo);
      } else {
        router.refresh();
      }
    });
  }

  function changeRole() {
    const userId = member.userId;
    const demotesSelf = isCurrentUser && member.role === "admin" && role !== "admin";
    const question =
      `Change your own role to ${role}? You lose this course's admin pages at once, and only ` +
      "another admin can make you an admin again.";
    if (demotesSelf && !window.confirm(question)) return;
    const course = `/courses/${courseSlug}`;
    const leaveTo = role === "tutor" ? `${course}/review` : course;
    run(
      () => changeRoleAction({ courseSlug, userId, role }),
      `Role of ${member.email} changed from ${member.role} to ${role}.`,
      { leaveTo: demotesSelf ? leaveTo : undefined },
    );
  }

  function remove() {
    const question = isCurrentUser
      ? "Remove yourself from the course? You lose its pages at once, and only another admin " +
        "can add you again."
      : `Remove ${member.email} from the course? Their attempts are kept, and they come back ` +
        "if you add this person again.";
    if (window.confirm(question)) {
      const leaveTo = isCurrentUser ? "/courses" : undefined;
      const done = `Removed ${member.email} from the course.`;
      const action = () => removeMemberAction({ courseSlug, userId: member.userId });
      run(action, done, { leaveTo, removes: true });
    }
  }

  function resetPassword() {
    const question =
      `Reset the password of ${member.email}? They are signed out everywhere, their current ` +
      "password stops working, their failed sign-ins are cleared, which ends a lockout of " +
      "their email, and you get a one-time password to hand over.";
    if (!window.confirm(question)) return;
    startTransition(async () => {
      const response = await resetPasswordAction({ courseSlug, userId: member.userId });
      setReset(
        response.status === "reset" ? { password: response.password } : { error: response.message },
      );
      resetStatusRef.current?.focus();
    });
  }

  return (
    <tr className="align-top">
      <td className="min-w-32">
        <PersonName name={member.name} />
        {isCurrentUser ? " (you)" : ""}
      </td>
      <td className="min-w-40 wrap-anywhere">{member.email}</td>
      <td>
        <div className="flex flex-wrap items-center gap-2">
          <select
            aria-label={`Role of ${member.email}`}
            value={role}
            disabled={pending}
            onChange={(event) => setRole(event.target.value as Role)}
            className="rounded border border-slate-300 bg-white px-2 py-1"
          >
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
          <Button
            tone="plain"
            disabled={pending || role === member.role}
            onClick={changeRole}
            label={`Change role of ${member.email}`}
          >
            Change role
          </Button>
        </div>
        <p
          id={roleStatusId(member.userId)}
          tabIndex={-1}
          role="status"
          aria-label={`Role change of ${member.email}`}
          className={`mt-1 text-xs ${outcome?.ok ? "text-green-800" : "text-red-700"}`}
        >
          {outcome?.text}
        </p>
      </td>
      <td className="max-w-56">
        {isCurrentUser ? (
          <Link href="/account/password" className="text-indigo-700 hover:underline">
            Change yours
          </Link>
        ) : (
          <Button
            tone="plain"
            disabled={pending}
            onClick={resetPassword}
            label={`Reset password of ${member.email}`}
          >
            Reset password
          </Button>
        )}
        <p
          ref={resetStatusRef}
          tabIndex={-1}
          role="status"
          aria-label={`Password reset of ${member.email}`}
          className={`mt-1 text-xs ${reset && "password" in reset ? "rounded bg-amber-50 p-1" : "text-red-700"}`}
        >
          {reset && "error" in reset && reset.error}
          {reset && "password" in reset && (
            <>
              One-time password: <code className="font-mono text-sm">{reset.password}</code>
              <br />
              Copy it now: it is not shown again, and they must replace it when they sign in. Their
              failed sign-ins are cleared, which ends a lockout of their email.
            </>
          )}
        </p>
      </td>
      <td>
        <Button tone="plain" disabled={pending} onClick={remove} label={`Remove ${member.email}`}>
          Remove
        </Button>
      </td>
    </tr>
  );
}

/** Renders the form that adds one person by email. */
export function AddMemberForm({
  courseSlug,
  maxNameLength,
}: {
  courseSlug: string;
  maxNameLength: number;
}) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("student");
  const [added, setAdded] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const [addError, setAddError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const emailRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const addedRef = useRef<HTMLParagraphElement>(null);

  function add() {
    startTransition(async () => {
      const response = await addMemberAction({ courseSlug, email, name, role });
      setAddError(response.status === "rejected" ? response.message : null);
      setFieldError(response.status === "invalid" ? response : null);
      setAdded(null);
      if (response.status === "invalid") {
        (response.field === "email" ? emailRef : nameRef).current?.focus();
      } else if (response.status === "already-member") {
        setAdded(`${response.email} is a member already, as ${response.role}.`);
        addedRef.current?.focus();
      } else if (response.status === "added") {
        setAdded(
          response.password === null
            ? `${response.email} had an account and is now a member.`
            : `Account created for ${response.email}. One-time password: ${response.password} — copy it now and hand it over; it is not shown again, and they must replace it when they first sign in.`,
        );
        // The disabled button lost the focus during the request, so the result takes it.
        addedRef.current?.focus();
        router.refresh();
      }
    });
  }

  const errorsAt = (field: string) => (fieldError?.field === field ? [fieldError.message] : []);

  return (
    <Panel title="Add a member">
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          label="Email"
          value={email}
          onChange={setEmail}
          type="email"
          errors={errorsAt("email")}
          inputRef={emailRef}
        />
        <TextField
          label="Name"
          value={name}
          onChange={setName}
          hint={`For a new account, at most ${maxNameLength} characters.`}
          maxLength={maxNameLength}
          errors={errorsAt("name")}
          inputRef={nameRef}
        />
        <SelectField label="Role" value={role} options={ROLES} onChange={setRole} />
      </div>
      <Button onClick={add} disabled={pending || email.trim() === ""}>
        Add member
      </Button>
      {addError && (
        <ProblemList title="Not added." problems={[{ place: "Add a member", message: addError }]} />
      )}
      {/* Always rendered, so that it can take the focus before the new text is in place. */}
      <p
        ref={addedRef}
        tabIndex={-1}
        role="status"
        className={added ? "rounded bg-amber-50 p-2 font-mono text-sm" : undefined}
      >
        {added}
      </p>
    </Panel>
  );
}
