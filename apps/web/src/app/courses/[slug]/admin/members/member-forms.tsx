"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import type { Role, RosterOutcome } from "@sawtooth/db";
import { ROLES } from "@sawtooth/db/roles";

import {
  addMemberAction,
  changeRoleAction,
  importRosterAction,
  removeMemberAction,
} from "@/server/actions/admin-members";

import { Button, Panel, ProblemList, SelectField, TextArea, TextField } from "../admin-ui";

interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
}

/** Renders the course's members with a role select and a remove button each. */
export function MemberTable({
  courseSlug,
  currentUserId,
  members,
}: {
  courseSlug: string;
  currentUserId: string;
  members: Member[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run(action: () => Promise<{ status: string; message?: string }>) {
    startTransition(async () => {
      const response = await action();
      setError(response.status === "rejected" ? (response.message ?? "") : null);
      router.refresh();
    });
  }

  return (
    <div className="mt-4">
      {error && (
        <ProblemList title="Not changed." problems={[{ place: "Members", message: error }]} />
      )}
      <table className="mt-2 w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            <th className="px-3 py-2">Name</th>
            <th className="px-3 py-2">Email</th>
            <th className="px-3 py-2">Role</th>
            <th className="px-3 py-2">Remove</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.userId} className="border-t border-slate-200">
              <td className="px-3 py-2">
                {member.name}
                {member.userId === currentUserId ? " (you)" : ""}
              </td>
              <td className="px-3 py-2">{member.email}</td>
              <td className="px-3 py-2">
                <select
                  aria-label={`Role of ${member.email}`}
                  value={member.role}
                  disabled={pending}
                  onChange={(event) => {
                    const role = event.target.value;
                    run(() => changeRoleAction({ courseSlug, userId: member.userId, role }));
                  }}
                  className="rounded border border-slate-300 bg-white px-2 py-1"
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {role}
                    </option>
                  ))}
                </select>
              </td>
              <td className="px-3 py-2">
                <Button
                  tone="plain"
                  disabled={pending}
                  onClick={() => {
                    if (window.confirm(`Remove ${member.email} from the course?`)) {
                      run(() => removeMemberAction({ courseSlug, userId: member.userId }));
                    }
                  }}
                >
                  Remove {member.email}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Adding one person by email, and importing a CSV roster with a report per row. */
export function MemberForms({ courseSlug }: { courseSlug: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("student");
  const [added, setAdded] = useState<string | null>(null);
  const [csv, setCsv] = useState("");
  const [outcomes, setOutcomes] = useState<RosterOutcome[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function add() {
    startTransition(async () => {
      const response = await addMemberAction({ courseSlug, email, name, role });
      setError(response.status === "rejected" ? response.message : null);
      if (response.status === "already-member") {
        setAdded(`${response.email} is a member already, as ${response.role}.`);
      } else if (response.status === "added") {
        setAdded(
          response.password === null
            ? `${response.email} had an account and is now a member.`
            : `Account created for ${response.email}. One-time password: ${response.password} — copy it now and hand it over; it is not shown again, and they must replace it when they first sign in.`,
        );
        router.refresh();
      }
    });
  }

  function importCsv() {
    startTransition(async () => {
      const response = await importRosterAction({ courseSlug, csv });
      setError(response.status === "rejected" ? response.message : null);
      setOutcomes(response.status === "imported" ? response.outcomes : null);
      router.refresh();
    });
  }

  return (
    <>
      {error && (
        <ProblemList title="Not changed." problems={[{ place: "Members", message: error }]} />
      )}
      <Panel title="Add a member">
        <div className="grid grid-cols-3 gap-3">
          <TextField label="Email" value={email} onChange={setEmail} type="email" />
          <TextField label="Name" value={name} onChange={setName} hint="For a new account." />
          <SelectField label="Role" value={role} options={ROLES} onChange={setRole} />
        </div>
        <Button onClick={add} disabled={pending || email.trim() === ""}>
          Add member
        </Button>
        {added && (
          <p role="status" className="rounded bg-amber-50 p-2 font-mono text-sm">
            {added}
          </p>
        )}
      </Panel>
      <Panel title="Import a roster">
        <TextArea
          label="Roster CSV"
          value={csv}
          onChange={setCsv}
          hint="A header row naming email, name and role, then one person per row."
        />
        <input
          type="file"
          accept=".csv,text/csv"
          aria-label="Roster file"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            if (file) setCsv(await file.text());
          }}
          className="block text-sm"
        />
        <Button onClick={importCsv} disabled={pending || csv.trim() === ""}>
          Import roster
        </Button>
        {outcomes && (
          <table aria-label="Roster report" className="w-full text-left text-sm">
            <thead className="bg-slate-100 text-slate-600">
              <tr>
                <th className="px-2 py-1">Line</th>
                <th className="px-2 py-1">Email</th>
                <th className="px-2 py-1">Outcome</th>
                <th className="px-2 py-1">One-time password or reason</th>
              </tr>
            </thead>
            <tbody>
              {outcomes.map((outcome) => (
                <tr key={outcome.line} className="border-t border-slate-200">
                  <td className="px-2 py-1">{outcome.line}</td>
                  <td className="px-2 py-1">{outcome.email}</td>
                  <td className="px-2 py-1">
                    {outcome.status}
                    {outcome.role ? ` as ${outcome.role}` : ""}
                  </td>
                  <td className="px-2 py-1 font-mono">
                    {outcome.password ?? outcome.reason ?? ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </>
  );
}
