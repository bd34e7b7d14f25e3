// The values live in demo-data.json so that scripts/start.mjs, which runs before anything is
// compiled, prints the same accounts that the seed creates.
import demo from "./demo-data.json" with { type: "json" };

/**
 * Password of the demo accounts. It is public on purpose: demo accounts exist only in the
 * embedded demo database unless `SAWTOOTH_DEMO=1` requests them elsewhere.
 */
export const DEMO_PASSWORD = demo.password;

/** Demo accounts, one per role, all members of the lecture's course. */
export const DEMO_ACCOUNTS = demo.accounts;

/** The demo account with the student role, the one browser tests sign in with. */
export const DEMO_STUDENT = findDemoAccount("student");

function findDemoAccount(role: string) {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) {
    throw new Error(`demo-data.json has no account with the role "${role}".`);
  }
  return account;
}
