/** One of each helper (issue 15): the copies that differed (message of an error, template shapes, model headers) stay one. */
import fs from "fs";
import path from "path";
import { messageOf } from "../src/engine";
import { ExitWaterfallTemplate, PricedRoundTemplate, StakeSaleTemplate } from "../src/templates/schema";
import { ExitWaterfallInput } from "../src/model/exitWaterfallInput";
import { PricedRoundInput } from "../src/model/pricedRoundInput";
import { StakeSaleInput } from "../src/model/stakeSaleInput";

function sources(dir: string): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) ? [{ file: path.relative(path.resolve(__dirname, ".."), p), text: fs.readFileSync(p, "utf8") }] : [];
  });
}
const src = sources(path.resolve(__dirname, "../src"));

test("messageOf is defined once (src/engine/errors.ts)", () => {
  expect(src.filter((f) => /\b(function|const) messageOf\b/.test(f.text)).map((f) => f.file)).toEqual([path.join("src", "engine", "errors.ts")]);
  expect(messageOf(new Error("boom"))).toBe("boom");
  expect(messageOf("text")).toBe("text");
});

test("the three template schemas have one shape", () => {
  const keys = (schema: { shape: object }) => Object.keys(schema.shape).sort();
  expect(keys(PricedRoundTemplate)).toEqual(keys(StakeSaleTemplate));
  expect(keys(ExitWaterfallTemplate)).toEqual(keys(StakeSaleTemplate));
});

test("every model's input starts with the same header, and one currency rule says EUR", () => {
  for (const schema of [StakeSaleInput, PricedRoundInput, ExitWaterfallInput]) {
    expect(Object.keys(schema.shape).slice(0, 4)).toEqual(["kind", "company", "currency", "unit"]);
    const r = schema.shape.currency.safeParse("usd");
    expect(r.error?.issues[0].message).toBe("currency must be a three-letter code such as EUR");
  }
  expect(src.filter((f) => /three-letter code/.test(f.text) && f.file.startsWith(path.join("src", "model"))).map((f) => f.file)).toEqual([
    path.join("src", "model", "ruleMessages.ts"),
  ]);
});
