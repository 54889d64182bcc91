import { describe, expect, it } from "vitest";
import { APOSTROPHE, foldCode, isLowerCode, isUpperCode, isWordCode, SPACE } from "./fold";

describe("fold on ASCII", () => {
  // The rules learn() applies to every other character, written out here as the reference.
  const expected = (code: number) => {
    const ch = String.fromCharCode(code);
    const folded =
      code === 0x60 ? APOSTROPHE : /\s/u.test(ch) ? SPACE : ch.normalize("NFD").toLowerCase().charCodeAt(0);
    return {
      folded,
      word: /[\p{L}\p{N}\p{M}]/u.test(ch),
      upper: ch !== ch.toLowerCase(),
      lower: ch !== ch.toUpperCase(),
    };
  };

  it("gives every ASCII character the answers the general rules give", () => {
    for (let code = 0; code < 128; code++) {
      const actual = {
        folded: foldCode(code),
        word: isWordCode(code),
        upper: isUpperCode(code),
        lower: isLowerCode(code),
      };
      expect(actual, `character ${code}`).toEqual(expected(code));
    }
  });
});
