/** Why saving the reader's glossaries failed, in the reader's language. */
import { message } from "../glossary/problems";
import { problemText } from "../shared/i18n";
import { SaveError } from "../shared/user-glossaries";

export function saveFailureText(error: unknown): string {
  const reason =
    error instanceof SaveError ? error.reason : error instanceof Error ? error.message : String(error);
  const full = error instanceof SaveError ? error.full : /quota/i.test(reason);
  return problemText({ message: message(full ? "problemSaveFull" : "problemSaveRefused", reason) });
}
