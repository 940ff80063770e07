import * as engine from "../../src/engine";
import { acceptedWords, choiceKey, keywords, readWord, vocabulary, type Vocabulary } from "../../src/engine";

/** Every vocabulary the engine exports (`*_WORDS`). */
const VOCABULARIES = Object.entries(engine).filter(([name]) => name.endsWith("_WORDS")) as [string, Vocabulary<string>][];

describe("the one vocabulary", () => {
  test("there are vocabularies to check, one per keyword-like input", () => {
    expect(VOCABULARIES.map(([name]) => name).sort()).toEqual(
      [
        "ANTIDILUTION_WORDS",
        "BASIS_WORDS",
        "CAP_BASIS_FORM_WORDS",
        "CAP_BASIS_WORDS",
        "CLASS_KIND_WORDS",
        "DEAL_MECHANISM_WORDS",
        "EVENT_TYPE_WORDS",
        "COMPONENT_WORDS",
        "COMP_METRIC_WORDS",
        "COMPOUNDING_WORDS",
        "CROSS_TERM_WORDS",
        "DAY_COUNT_WORDS",
        "FD_METHOD_WORDS",
        "INSTRUMENT_WORDS",
        "PARTICIPATION_WORDS",
        "POOL_BASIS_WORDS",
        "POOL_MODE_WORDS",
        "RATCHET_BASIS_WORDS",
        "ROUNDING_WORDS",
        "SAFE_BASIS_WORDS",
        "SAFE_CAPITALIZATION_WORDS",
        "TARGET_KIND_WORDS",
        "TICKER_BASE_WORDS",
        "TRANSACTION_WORDS",
        "UNIT_WORDS",
        "YES_NO_WORDS",
      ].sort(),
    );
  });

  test.each(VOCABULARIES)("%s: each value, its English and French labels are accepted for that value", (_, vocab) => {
    for (const v of vocab.values) {
      for (const word of [v, vocab.labels[v].en, vocab.labels[v].fr, vocab.labels[v].fr.toUpperCase(), ` ${vocab.labels[v].en.toLowerCase()} `]) {
        expect([word, readWord(vocab, word)]).toEqual([word, v]);
      }
    }
    for (const [key, value] of Object.entries(vocab.words)) {
      expect(choiceKey(key)).toBe(key);
      expect(vocab.values).toContain(value);
    }
  });

  test("a word standing for two values is refused when the vocabulary is built", () => {
    expect(() => vocabulary("x", ["A", "B"], { A: { en: "Yes", fr: "Oui" }, B: { en: "Oui", fr: "Non" } })).toThrow(
      'x: the word "Oui" stands for both "A" and "B"',
    );
    expect(() => keywords({ YES: "A", yes: "B" })).toThrow('the keyword "yes" stands for both "A" and "B"');
  });

  test("normalisation: case, accents, apostrophes, hyphens, underscores and commas", () => {
    expect(choiceKey("  Prêts  d’actionnaires ")).toBe("PRETS D'ACTIONNAIRES");
    expect(choiceKey("Post-money_SAFE")).toBe("POST MONEY SAFE");
    expect(choiceKey("Participating, capped")).toBe("PARTICIPATING CAPPED");
    expect(readWord(engine.INSTRUMENT_WORDS, "post_safe")).toBe("POST_SAFE");
    expect(readWord(engine.PARTICIPATION_WORDS, "participating capped")).toBe("CAPPED");
  });

  test("unknown words read as nothing, never as another word", () => {
    expect(readWord(engine.YES_NO_WORDS, "maybe")).toBeUndefined();
    expect(readWord(engine.YES_NO_WORDS, "")).toBeUndefined();
    expect(readWord(engine.INSTRUMENT_WORDS, "BSA")).toBeUndefined();
    expect(readWord(engine.PARTICIPATION_WORDS, "toString")).toBeUndefined();
  });

  test("accepted words, as messages list them", () => {
    expect(acceptedWords(engine.PARTICIPATION_WORDS, "en")).toEqual([
      "Non-participating (NONE)",
      "Participating (FULL)",
      "Participating, capped (CAPPED)",
    ]);
    expect(acceptedWords(engine.YES_NO_WORDS, "fr")).toEqual(["Oui (YES)", "Non (NO)"]);
    expect(acceptedWords(engine.DAY_COUNT_WORDS, "en")).toEqual(["ACT/365", "ACT/360", "30/360"]);
  });
});
