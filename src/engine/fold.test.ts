import { describe, expect, it } from "vitest";
import { APOSTROPHE, foldCode, isLowerCode, isUpperCode, isWordCode, knownClass, SPACE } from "./fold";

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

describe("knownClass", () => {
  it("answers as the Unicode-property expressions do, wherever it answers", () => {
    let answered = 0;
    for (let code = 0x80; code < 0x2100; code++) {
      const ch = String.fromCharCode(code);
      const known = knownClass(code, ch);
      if (!known) continue;
      answered++;
      const expected = [/[\p{L}\p{N}\p{M}]/u.test(ch), /\p{M}/u.test(ch), /\s/u.test(ch)];
      expect(known, `character ${code.toString(16)}`).toEqual(expected);
    }
    // Latin-1, accented Latin, Greek, Cyrillic, the combining marks and the punctuation blocks.
    expect(answered).toBeGreaterThan(1200);
  });
});
