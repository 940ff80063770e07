/**
 * One vocabulary for every reader (issue 12, "Never silently wrong"): the custom functions' table
 * readers, the forms, paste and the model/template schemas accept the same words for the same
 * canonical value, in English and in French; an unknown word is an error naming where it is and the
 * accepted words, never another word or a default.
 */
import {
  BASIS_WORDS,
  CAP_BASIS_WORDS,
  COMP_METRIC_WORDS,
  CROSS_TERM_WORDS,
  DEAL_MECHANISM_WORDS,
  TICKER_BASE_WORDS,
  TRANSACTION_WORDS,
  COMPOUNDING_WORDS,
  DAY_COUNT_WORDS,
  INSTRUMENT_WORDS,
  PARTICIPATION_WORDS,
  ROUNDING_WORDS,
  UNIT_WORDS,
  YES_NO_WORDS,
  choiceKey,
  type Vocabulary,
} from "../../src/engine";
import { readChoice } from "../../src/functions/cells";
import { compStatsCells } from "../../src/functions/deal";
import { BASIS, ROUNDING } from "../../src/functions/choices";
import { OPCORE_EXAMPLE, StakeSaleInput } from "../../src/model/stakeSaleInput";
import { waterfallFn } from "../../src/functions/functions";
import { choiceCell, readClasses, readInstruments } from "../../src/functions/venture";
import { ShareClassInput } from "../../src/model/exitWaterfallInput";
import { HistoryClassInput, HistoryEventInput, VENTURE_HISTORY_EXAMPLE } from "../../src/model/capTableHistoryInput";
import { InstrumentInput, NoteInterestInput, PricedRoundInput, YC_EXAMPLE_1 } from "../../src/model/pricedRoundInput";
import type { Lang } from "../../src/taskpane/i18n";
import { DealPricingInput } from "../../src/model/dealPricingInput";
import {
  DEAL_PRICING_EXAMPLE,
  EXIT_WATERFALL_EXAMPLE,
  pasteProblemText,
  rowsFromGrid,
  rowsFromTsv,
  tableSpec,
  validateForm as validateVentureForm,
  formFromInput as ventureFormFromInput,
  formToCandidate as ventureFormToCandidate,
  type ModelForm as VentureForm,
} from "../../src/taskpane/forms";
import { cellError } from "../support/customFunctionsRuntime";
import fs from "fs";
import path from "path";
import * as engine from "../../src/engine";

function setCell(form: VentureForm, table: string, row: number, key: string, value: string): VentureForm {
  const rows = form.tables[table].map((r, i) => (i === row ? { ...r, cells: { ...r.cells, [key]: value } } : r));
  return { ...form, tables: { ...form.tables, [table]: rows } };
}
const setField = (form: VentureForm, key: string, value: string): VentureForm => ({ ...form, fields: { ...form.fields, [key]: value } });

const exit = () => ventureFormFromInput(EXIT_WATERFALL_EXAMPLE);
const deal = () => ventureFormFromInput(DEAL_PRICING_EXAMPLE);
/** The deal-pricing example in completion accounts (the locked-box fields empty). */
const COMPLETION_ACCOUNTS_DEAL = {
  ...DEAL_PRICING_EXAMPLE,
  mechanism: "COMPLETION_ACCOUNTS",
  ...{ boxDate: null, netDebtAtBox: null, tickerRate: null, tickerBase: null, leakage: null, permittedLeakage: null },
  ...{ targetWorkingCapital: 0, estimatedNetDebt: 200, estimatedWorkingCapital: 0, finalNetDebt: 200, finalWorkingCapital: 0, escrow: 0 },
};
const round = () => ventureFormFromInput(YC_EXAMPLE_1);
const history = () => ventureFormFromInput(VENTURE_HISTORY_EXAMPLE);
const note = (f: VentureForm) =>
  ["type:NOTE", "rate:5", "startDate:2025-01-01", "conversionDate:2026-01-01"].reduce((g, kv) => {
    const [k, v] = kv.split(":");
    return setCell(g, "instruments", 0, k, v);
  }, f);
const instrument = { holder: "A", type: "SAFE", amount: 1, cap: null, discount: null, mfn: false, interest: null };
const interest = { rate: 0.05, startDate: "2025-01-01", conversionDate: "2026-01-01", dayCount: "ACT/365", compounding: "SIMPLE" };
const at = { table: "instruments", column: "Day count", row: 2 };

/** How each reader reads a word of a choice; `undefined` where that reader does not take the choice. */
interface Readers {
  readonly cells?: (word: string) => unknown;
  /** The taskpane's form; absent for a choice only a custom function takes (COMPSTATS' metric). */
  readonly form?: (word: string, lang: Lang) => unknown;
  readonly paste?: (word: string, lang: Lang) => unknown;
  /** The model and template schemas; absent for a choice only a custom function takes. */
  readonly schema?: (word: string) => unknown;
}

/** Comparable deals with both metrics on one capacity basis (COMPSTATS). */
const COMPS = [
  ["Deal", "EV", "EBITDA", "MW", "Basis"],
  ["UltraEdge", 764, 26, 45, "installed"],
  ["Deal D", 1000, 40, 100, "installed"],
];
/** Whether a word of the price mechanism stands for this value (to pick the example whose fields that mechanism uses). */
const readWordIs = (w: string, value: string) => DEAL_MECHANISM_WORDS.words[choiceKey(w)] === value;

const schemaValue = (r: { success: boolean; data?: unknown }) => (r.success ? r.data : "refused");

const READERS: [string, Vocabulary<string>, Readers][] = [
  [
    "participation",
    PARTICIPATION_WORDS,
    {
      cells: (w) =>
        readClasses([
          ["Class", "Shares", "Participation"],
          ["A", 1, w],
        ])[0].participation,
      form: (w, lang) =>
        (ventureFormToCandidate(setCell(exit(), "classes", 0, "participation", w), lang).input.classes as { participation: unknown }[])[0]
          .participation,
      paste: (w, lang) => rowsFromTsv(tableSpec("exitWaterfall", "classes"), `A\t1\t\t\t\t${w}`, lang).rows[0]?.cells.participation,
      schema: (w) => schemaValue(ShareClassInput.shape.participation.safeParse(w)),
    },
  ],
  [
    "instrument type",
    INSTRUMENT_WORDS,
    {
      cells: (w) =>
        readInstruments([
          ["Holder", "Type", "Amount"],
          ["A", w, 1],
        ])[0].kind,
      form: (w, lang) =>
        (ventureFormToCandidate(setCell(round(), "instruments", 0, "type", w), lang).input.instruments as { type: unknown }[])[0].type,
      paste: (w, lang) => rowsFromTsv(tableSpec("pricedRound", "instruments"), `A\t${w}\t1`, lang).rows[0]?.cells.type,
      schema: (w) => InstrumentInput.safeParse({ ...instrument, type: w }).data?.type ?? "refused",
    },
  ],
  [
    "MFN (yes or no)",
    YES_NO_WORDS,
    {
      cells: (w) =>
        readInstruments([
          ["Holder", "Amount", "MFN"],
          ["A", 1, w],
        ])[0].mfn,
      form: (w, lang) => (ventureFormToCandidate(setCell(round(), "instruments", 0, "mfn", w), lang).input.instruments as { mfn: unknown }[])[0].mfn,
      paste: (w, lang) => rowsFromTsv(tableSpec("pricedRound", "instruments"), `A\tSAFE\t1\t\t\t${w}`, lang).rows[0]?.cells.mfn === "true",
      schema: (w) => InstrumentInput.safeParse({ ...instrument, mfn: w }).data?.mfn ?? "refused",
    },
  ],
  [
    "day count",
    DAY_COUNT_WORDS,
    {
      cells: (w) => choiceCell(DAY_COUNT_WORDS.words)(w, at),
      form: (w, lang) =>
        (
          ventureFormToCandidate(setCell(note(round()), "instruments", 0, "dayCount", w), lang).input.instruments as {
            interest: { dayCount: unknown };
          }[]
        )[0].interest.dayCount,
      paste: (w, lang) =>
        rowsFromTsv(tableSpec("pricedRound", "instruments"), `A\tNOTE\t1\t\t\t\t5\t2025-01-01\t2026-01-01\t${w}`, lang).rows[0]?.cells.dayCount,
      schema: (w) => NoteInterestInput.safeParse({ ...interest, dayCount: w }).data?.dayCount ?? "refused",
    },
  ],
  [
    "compounding",
    COMPOUNDING_WORDS,
    {
      cells: (w) => choiceCell(COMPOUNDING_WORDS.words)(w, at),
      form: (w, lang) =>
        (
          ventureFormToCandidate(setCell(note(round()), "instruments", 0, "compounding", w), lang).input.instruments as {
            interest: { compounding: unknown };
          }[]
        )[0].interest.compounding,
      paste: (w, lang) =>
        rowsFromTsv(tableSpec("pricedRound", "instruments"), `A\tNOTE\t1\t\t\t\t5\t2025-01-01\t2026-01-01\t\t${w}`, lang).rows[0]?.cells.compounding,
      schema: (w) => NoteInterestInput.safeParse({ ...interest, compounding: w }).data?.compounding ?? "refused",
    },
  ],
  [
    "rounding",
    ROUNDING_WORDS,
    {
      cells: (w) => readChoice(w, "rounding", ROUNDING, "DOWN"),
      form: (w, lang) => ventureFormToCandidate(setField(round(), "rounding", w), lang).input.rounding,
      schema: (w) => PricedRoundInput.safeParse({ ...YC_EXAMPLE_1, rounding: w }).data?.rounding ?? "refused",
    },
  ],
  [
    "instrument cap basis",
    CAP_BASIS_WORDS,
    {
      cells: (w) =>
        readInstruments([
          ["Holder", "Amount", "Cap basis"],
          ["A", 1, w],
        ])[0].capBasis,
      form: (w, lang) =>
        (ventureFormToCandidate(setCell(round(), "instruments", 0, "capBasis", w), lang).input.instruments as { capBasis?: unknown }[])[0].capBasis,
      paste: (w, lang) => rowsFromTsv(tableSpec("pricedRound", "instruments"), `A\tSAFE\t1\t\t\t\t\t\t\t\t\t${w}`, lang).rows[0]?.cells.capBasis,
      schema: (w) => InstrumentInput.safeParse({ ...instrument, capBasis: w }).data?.capBasis ?? "refused",
    },
  ],
  [
    "valuation basis (stake sale: a radio in the form, no paste)",
    BASIS_WORDS,
    {
      cells: (w) => readChoice(w, "basis", BASIS, "EQUITY"),
      form: (w) => StakeSaleInput.safeParse({ ...OPCORE_EXAMPLE, basis: w }).data?.basis ?? "refused",
      schema: (w) => StakeSaleInput.safeParse({ ...OPCORE_EXAMPLE, basis: w }).data?.basis ?? "refused",
    },
  ],
  [
    "transaction (stake sale: a radio in the form, no cell, no paste)",
    TRANSACTION_WORDS,
    {
      form: (w) => StakeSaleInput.safeParse({ ...OPCORE_EXAMPLE, transaction: w, primaryInvestment: 0 }).data?.transaction ?? "refused",
      schema: (w) => StakeSaleInput.safeParse({ ...OPCORE_EXAMPLE, transaction: w, primaryInvestment: 0 }).data?.transaction ?? "refused",
    },
  ],
  [
    "comparables' metric (COMPSTATS only: the metric its result is headed by)",
    COMP_METRIC_WORDS,
    {
      cells: (w) => {
        const heading = compStatsCells(COMPS, w, "", "")[0][1];
        return COMP_METRIC_WORDS.values.find((v) => COMP_METRIC_WORDS.labels[v].en === heading);
      },
    },
  ],
  [
    "price mechanism (deal pricing: a radio in the form, no cell, no paste)",
    DEAL_MECHANISM_WORDS,
    {
      form: (w, lang) => ventureFormToCandidate(setField(deal(), "mechanism", w), lang).input.mechanism,
      schema: (w) =>
        DealPricingInput.safeParse({ ...(readWordIs(w, "LOCKED_BOX") ? DEAL_PRICING_EXAMPLE : COMPLETION_ACCOUNTS_DEAL), mechanism: w }).data
          ?.mechanism ?? "refused",
    },
  ],
  [
    "ticker base (deal pricing)",
    TICKER_BASE_WORDS,
    {
      cells: (w) => readChoice(w, "ticker_base", TICKER_BASE_WORDS.words, "EQUITY"),
      form: (w, lang) => ventureFormToCandidate(setField(deal(), "tickerBase", w), lang).input.tickerBase,
      schema: (w) => DealPricingInput.safeParse({ ...DEAL_PRICING_EXAMPLE, tickerBase: w }).data?.tickerBase ?? "refused",
    },
  ],
  [
    "cross term (deal pricing)",
    CROSS_TERM_WORDS,
    {
      cells: (w) => readChoice(w, "cross_term", CROSS_TERM_WORDS.words, "SEPARATE"),
      form: (w, lang) => ventureFormToCandidate(setField(deal(), "crossTerm", w), lang).input.crossTerm,
      schema: (w) => DealPricingInput.safeParse({ ...DEAL_PRICING_EXAMPLE, crossTerm: w }).data?.crossTerm ?? "refused",
    },
  ],
  [
    "class kind (cap-table history)",
    engine.CLASS_KIND_WORDS,
    {
      form: (w, lang) => (ventureFormToCandidate(setCell(history(), "classes", 0, "kind", w), lang).input.classes as { kind: unknown }[])[0].kind,
      schema: (w) => schemaValue(HistoryClassInput.shape.kind.safeParse(w)),
    },
  ],
  [
    "event type (cap-table history)",
    engine.EVENT_TYPE_WORDS,
    {
      form: (w, lang) => (ventureFormToCandidate(setCell(history(), "events", 0, "type", w), lang).input.events as { type: unknown }[])[0].type,
      schema: (w) => schemaValue(HistoryEventInput.shape.type.safeParse(w)),
    },
  ],
  [
    "unit",
    UNIT_WORDS,
    {
      form: (w, lang) => ventureFormToCandidate(setField(round(), "unit", w), lang).input.unit,
      schema: (w) => PricedRoundInput.safeParse({ ...YC_EXAMPLE_1, unit: w }).data?.unit ?? "refused",
    },
  ],
];

/** Every word of a vocabulary with its value: the normalised words, and each label as a form shows it. */
function wordsOf(vocab: Vocabulary<string>): [string, string][] {
  const labels = vocab.values.flatMap((v) => [
    [vocab.labels[v].en, v],
    [vocab.labels[v].fr, v],
    [vocab.labels[v].fr.toLowerCase(), v],
  ]) as [string, string][];
  return [...Object.entries(vocab.words), ...labels];
}

describe("every reader accepts the same words for the same value, in English and in French", () => {
  for (const [name, vocab, readers] of READERS) {
    test(name, () => {
      const canon = (value: string) => (vocab === YES_NO_WORDS ? value === "YES" : value);
      const got: string[] = [];
      const wrong = (reader: string, word: string, value: unknown, expected: unknown) => {
        if (value !== expected) got.push(`${reader} read "${word}" as ${JSON.stringify(value)}, not ${JSON.stringify(expected)}`);
      };
      for (const [word, value] of wordsOf(vocab)) {
        const expected = canon(value);
        if (readers.cells !== undefined) wrong("cells", word, readers.cells(word), expected);
        if (readers.schema !== undefined) wrong("schema", word, readers.schema(word), expected);
        for (const lang of ["en", "fr"] as const) {
          if (readers.form !== undefined) wrong(`form (${lang})`, word, readers.form(word, lang), expected);
          if (readers.paste !== undefined) wrong(`paste (${lang})`, word, readers.paste(word, lang), expected);
        }
      }
      expect(got).toEqual([]);
    });
  }
});

describe("the user's cases", () => {
  const classes = tableSpec("exitWaterfall", "classes");

  test('"Participating", the form\'s own label, pastes as FULL, as CAPTABLE.WATERFALL reads it', () => {
    const pasted = rowsFromTsv(
      classes,
      "Class\tShares\tInvested\tPreference\tSeniority\tParticipation\nSeries A\t100\t100\t1\t1\tParticipating\nCommon\t100\t0\t0\t2\tNon-participating",
      "en",
    );
    expect(pasted.problems).toEqual([]);
    expect(pasted.rows.map((r) => r.cells.participation)).toEqual(["FULL", "NONE"]);
    expect(rowsFromTsv(classes, "Série A;100;100;1;1;Participante", "fr").rows[0].cells.participation).toBe("FULL");
    // CAPTABLE.WATERFALL at 300: Series A takes its 100 back, then half of the 200 left (participating): 200.
    const table = [
      ["Class", "Shares", "Invested", "Preference", "Participation"],
      ["Series A", 100, 100, 1, "Participating"],
      ["Common", 100, 0, 0, "Non-participating"],
    ];
    const result = waterfallFn(table, [[300]]);
    expect(result[1][0]).toBe("Series A");
    expect(result[1][4]).toBe(200);
  });

  test.each([
    ["1x", 1],
    ["1.0x", 1],
    ["1.00x", 1],
    ["3x", 3],
    ["1.5 x", 1.5],
    ["2×", 2],
  ])('a multiple as Excel shows it, "%s", pastes and reads as %d', (shown, multiple) => {
    const pasted = rowsFromTsv(classes, `Series A\t100\t100\t${shown}\t1\tNONE\t\t1`, "en");
    expect(pasted.problems).toEqual([]);
    expect(pasted.rows).toHaveLength(1);
    const form = { ...exit(), tables: { ...exit().tables, classes: pasted.rows, holdings: [] } };
    const read = ventureFormToCandidate(form, "en");
    expect(read.parseErrors).toEqual({});
    expect((read.input.classes as { preference: number }[])[0].preference).toBe(multiple);
  });

  test('French multiples and percentages: "1,5x", "20 %"', () => {
    const pasted = rowsFromTsv(classes, "Série A\t100\t100\t1,5x\t1\tNONE", "fr");
    expect(pasted.problems).toEqual([]);
    const instruments = rowsFromTsv(tableSpec("pricedRound", "instruments"), "A\tSAFE\t1 000\t\t20 %", "fr");
    expect(instruments.problems).toEqual([]);
    expect(instruments.rows[0].cells.discount).toBe("20 %");
  });

  test("a pasted block with one bad row takes none, and lists each bad cell with its line, column and reason", () => {
    const pasted = rowsFromTsv(classes, "Series A\t100\t100\t1x\t1\tParticipating\nSeed\t50\tabc\t1\t1\tmaybe\n\t5", "en");
    expect(pasted.rows).toEqual([]);
    expect(pasted.problems.map((p) => pasteProblemText(classes, p, "en"))).toEqual([
      'Line 2, Invested: "abc" is not a number',
      'Line 2, Participation: "maybe" is not one of Non-participating (NONE), Participating (FULL), Participating, capped (CAPPED)',
      "Line 3, Class: empty; a name is required",
    ]);
    expect(pasted.problems.map((p) => pasteProblemText(classes, p, "fr"))[1]).toBe(
      "Ligne 2, Participation : « maybe » n’est pas l’une des valeurs Non participante (NONE), Participante (FULL), Participante plafonnée (CAPPED)",
    );
  });
});

describe("an unknown word is an error naming where it is and the accepted words, never another word or a default", () => {
  test("cells", () => {
    const classes = [
      ["Class", "Shares", "Participation"],
      ["Series A", 100, "Maybe"],
    ];
    expect(cellError(() => waterfallFn(classes, [[100]])).message).toBe(
      'classes: Participation of "Series A" must be one of "NONE", "FULL", "CAPPED", got the text "Maybe"',
    );
    expect(() =>
      readInstruments([
        ["Holder", "Amount", "MFN"],
        ["Ann", 1, "maybe"],
      ]),
    ).toThrow('instruments: MFN of "Ann" must be one of "YES", "NO", got the text "maybe"');
    // Excel's logical values are yes and no; a BSA (a plain warrant) is no SAFE.
    expect(
      readInstruments([
        ["Holder", "Amount", "MFN"],
        ["Ann", 1, true],
      ])[0].mfn,
    ).toBe(true);
    expect(
      readInstruments([
        ["Holder", "Amount", "MFN"],
        ["Ann", 1, false],
      ])[0].mfn,
    ).toBe(false);
    expect(() =>
      readInstruments([
        ["Holder", "Type", "Amount"],
        ["Ann", "BSA", 1],
      ]),
    ).toThrow('instruments: Type of "Ann" must be one of "POST_SAFE", "PRE_SAFE", "NOTE", got the text "BSA"');
    // COMPSTATS reads its metric through the vocabulary: an unknown metric is no EV/EBITDA by default.
    expect(() => compStatsCells(COMPS, "EV/Sales", "", "")).toThrow('metric must be one of "EBITDA", "MW", got the text "EV/Sales"');
  });

  test("form", () => {
    const f = setCell(setCell(exit(), "classes", 0, "participation", "Maybe"), "classes", 1, "preference", "1y");
    expect(validateVentureForm(f, "en").errors).toMatchObject({
      "classes.0.participation":
        'Participation: "Maybe" is not one of Non-participating (NONE), Participating (FULL), Participating, capped (CAPPED)',
      "classes.1.preference": 'Preference must be a number, got "1y"',
    });
    const g = setCell(round(), "instruments", 0, "mfn", "maybe");
    expect(validateVentureForm(g, "en").errors["instruments.0.mfn"]).toBe('MFN (most favoured nation): "maybe" is not one of YES, NO');
    expect(validateVentureForm(g, "fr").errors["instruments.0.mfn"]).toBe(
      "MFN (clause de la nation la plus favorisée) : « maybe » n’est pas l’une des valeurs Oui (YES), Non (NO)",
    );
  });

  test("paste: a yes/no column reading maybe is no false", () => {
    const instruments = tableSpec("pricedRound", "instruments");
    const pasted = rowsFromGrid(instruments, [["Ann", "SAFE", 1, null, null, "maybe"]], "en");
    expect(pasted.rows).toEqual([]);
    expect(pasted.problems).toEqual([{ line: 1, column: "mfn", reason: "unknownWord", text: "maybe" }]);
    expect(pasteProblemText(instruments, pasted.problems[0], "en")).toBe('Line 1, MFN (most favoured nation): "maybe" is not one of YES, NO');
    // Excel's TRUE in the selection is a yes.
    expect(rowsFromGrid(instruments, [["Ann", "SAFE", 1, null, null, true]], "en").rows[0].cells.mfn).toBe("true");
  });

  test("templates and models", () => {
    const r = ShareClassInput.shape.participation.safeParse("Maybe");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe('participation must be "NONE", "FULL" or "CAPPED"');
    expect(InstrumentInput.safeParse({ ...instrument, mfn: "maybe" }).error?.issues[0].message).toBe("instrument mfn must be true or false");
  });
});

test("the words a vocabulary lists are its own normalised keys", () => {
  for (const [, vocab] of READERS) for (const key of Object.keys(vocab.words)) expect(choiceKey(key)).toBe(key);
});

test("every choice the model schemas read has its readers above (issue 15: one vocabulary for every reader)", () => {
  const dir = path.resolve(__dirname, "../../src/model");
  const source = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith("Input.ts") || f === "fields.ts")
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
    .join("\n");
  const used = new Set([...source.matchAll(/\bchoice\((\w+_WORDS),/g)].map((m) => m[1]));
  const engineVocabularies = engine as unknown as Record<string, Vocabulary<string>>;
  const covered = new Set(READERS.map(([, vocab]) => vocab));
  expect([...used].filter((name) => !covered.has(engineVocabularies[name]))).toEqual([]);
});

test("the history's transfer, cancellation, exercise, repurchase and split rows have their words in English and French, read alike by the form and the schema", () => {
  const words: [string, string][] = [
    ["Share transfer", "TRANSFER"],
    ["Cession d’actions", "TRANSFER"],
    ["cession", "TRANSFER"],
    ["Cancellation", "CANCEL"],
    ["Annulation", "CANCEL"],
    ["Option exercise", "EXERCISE"],
    ["Exercice d’options", "EXERCISE"],
    ["Repurchase", "REPURCHASE"],
    ["Rachat d’actions", "REPURCHASE"],
    ["buy-back", "REPURCHASE"],
    ["Stock split", "SPLIT"],
    ["Division d’actions", "SPLIT"],
  ];
  for (const [word, value] of words) {
    expect(engine.readWord(engine.EVENT_TYPE_WORDS, word)).toBe(value);
    expect(HistoryEventInput.shape.type.safeParse(word).data).toBe(value);
    for (const lang of ["en", "fr"] as Lang[])
      expect((ventureFormToCandidate(setCell(history(), "events", 0, "type", word), lang).input.events as { type: unknown }[])[0].type).toBe(value);
  }
});
