import { MODEL_XML_NAMESPACE, newModelId, parseModel, serializeModel } from "../src/workbook/modelXml";

describe("model storage XML", () => {
  test("round trip, including text that looks like XML or a formula", () => {
    const model = {
      id: newModelId(),
      sheet: `OpCore "deal" <1> & co`,
      kind: "stakeSale",
      schemaVersion: 1,
      inputs: { company: '=HYPERLINK("x")</captableModel>', n: 0.1 },
    };
    const xml = serializeModel(model);
    expect(xml).toContain(`xmlns="${MODEL_XML_NAMESPACE}"`);
    expect(parseModel(xml)).toEqual(model);
  });

  test("foreign or malformed parts are ignored", () => {
    expect(parseModel("<other/>")).toBeUndefined();
    expect(
      parseModel(`<captableModel xmlns="${MODEL_XML_NAMESPACE}" id="a" sheet="s" kind="stakeSale" schemaVersion="1">{not json</captableModel>`),
    ).toBeUndefined();
    expect(parseModel(`<captableModel xmlns="urn:other" id="a" sheet="s" kind="k" schemaVersion="1">{}</captableModel>`)).toBeUndefined();
  });

  test("ids and kinds are restricted", () => {
    expect(() => serializeModel({ id: "a b", sheet: "s", kind: "k", schemaVersion: 1, inputs: {} })).toThrow(/model id/);
  });
});
