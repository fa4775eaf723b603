import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { ValidationError } from "../errors";

/**
 * Password strength by zxcvbn-ts (pattern and dictionary based, no network). Score 0-4; we
 * ask for 3 ("safely unguessable: moderate protection from offline slow-hash scenario"), and
 * the user's own name and email count as guessable words.
 */
let zxcvbn: ZxcvbnFactory | undefined;
function checker(): ZxcvbnFactory {
  zxcvbn ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  return zxcvbn;
}

export const MIN_PASSWORD_LENGTH = 10;
export const MIN_PASSWORD_SCORE = 3;

export function passwordProblems(password: string, userInputs: string[] = []): string[] {
  if (password.length < MIN_PASSWORD_LENGTH) return [`Use at least ${MIN_PASSWORD_LENGTH} characters.`];
  const lower = userInputs.map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (lower.includes(password.trim().toLowerCase())) return ["The password may not be your name or email address."];
  const inputs = [...lower, ...lower.flatMap((s) => s.split(/[^\p{L}\p{N}]+/u))].filter((w) => w.length >= 3);
  const r = checker().check(password.slice(0, 256), inputs);
  if (r.score >= MIN_PASSWORD_SCORE) return [];
  return ["This password is too easy to guess. Add a few uncommon words or use a longer passphrase."];
}

/** Throws a 400 on the `password` field when the password is too weak. */
export function assertStrongPassword(password: string, userInputs: string[] = []): void {
  const problems = passwordProblems(password, userInputs);
  if (problems.length) throw new ValidationError({ password: problems });
}
