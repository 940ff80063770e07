/**
 * Finding a model's custom XML part in Office.js.
 *
 * Excel identifies a custom XML part by an id it assigns (a GUID) and only gives its XML through
 * `getXml()`, which needs the part object first: reading "the part whose model id is X" from a
 * cold start therefore takes two round trips (list the ids, then read each part). To keep a model
 * write at one read and one write, this module remembers, for the session, which part holds which
 * model (part ids are GUIDs, unique across workbooks). The taskpane lists the models when it
 * opens (`listStoredModels`), and every write records its part, so a write normally reads the
 * part of its model in the same round trip as the sheet names. Only when the workbook holds parts
 * not yet seen in this session (a workbook written by the command line, or by another session)
 * does a lookup read them, in one extra round trip, once.
 */
import { MODEL_XML_NAMESPACE, parseModel, type StoredModel } from "../modelXml";

/** Part id -> the id of the model it holds, or null for a part of our namespace that is not a valid model. */
const partModels = new Map<string, string | null>();

export function rememberPart(partId: string, modelId: string | null): void {
  partModels.set(partId, modelId);
}

export function forgetPart(partId: string): void {
  partModels.delete(partId);
}

/** Forgets what this session knows of where a model is stored (after a failed read). */
export function forgetModel(modelId: string): void {
  for (const [part, model] of [...partModels]) if (model === modelId) partModels.delete(part);
}

/** Test hook: forget everything (as a fresh taskpane session would). */
export function resetPartCache(): void {
  partModels.clear();
  markedModels.clear();
}

/**
 * Models whose marker name (office/marker.ts) this session has seen in the workbook: a rebuild
 * then reads the marked sheet's content (to restore it if the write fails) in its first round trip.
 */
const markedModels = new Set<string>();

export function rememberMarker(modelId: string, present: boolean): void {
  if (present) markedModels.add(modelId);
  else markedModels.delete(modelId);
}

export function markerKnown(modelId: string): boolean {
  return markedModels.has(modelId);
}

export interface StoredModelPart {
  readonly partId: string;
  /** The part's XML as read: kept to restore it if a write fails. */
  readonly xml: string;
  readonly model: StoredModel;
}

export interface ModelLookup {
  /** True when the lookup reads parts remembered from earlier in the session (which may since have been deleted). */
  readonly usesMemory: boolean;
  /**
   * After the caller's `context.sync()`: the model's parts (the first is the one to use; a workbook
   * normally holds one) and the ids of all our parts. Takes one more sync only when the workbook
   * holds parts not seen before in this session.
   */
  resolve(): Promise<{ parts: StoredModelPart[]; partIds: string[] }>;
  /** After resolve(): whether it took a round trip of its own (which also ran whatever else was queued). */
  readonly synced: boolean;
}

/**
 * Queues, without syncing, what finding `modelId`'s part needs: the ids of the parts in our
 * namespace and the XML of the parts remembered as holding this model.
 */
export function queueModelLookup(context: Excel.RequestContext, modelId: string, useMemory = true): ModelLookup {
  const xmlParts = context.workbook.customXmlParts;
  const scoped = xmlParts.getByNamespace(MODEL_XML_NAMESPACE);
  scoped.load("items/id");
  const remembered = useMemory
    ? [...partModels].filter(([, m]) => m === modelId).map(([partId]) => ({ partId, xml: xmlParts.getItem(partId).getXml() }))
    : [];
  let synced = false;
  return {
    usesMemory: remembered.length > 0,
    get synced() {
      return synced;
    },
    async resolve() {
      const partIds = scoped.items.map((p) => p.id);
      const present = new Set(partIds);
      const read: { partId: string; xml: string }[] = remembered
        .filter((r) => present.has(r.partId))
        .map((r) => ({ partId: r.partId, xml: r.xml.value }));
      const unseen = partIds.filter((id) => !partModels.has(id));
      if (unseen.length > 0) {
        const results = unseen.map((partId) => ({ partId, xml: xmlParts.getItem(partId).getXml() }));
        await context.sync();
        synced = true;
        for (const r of results) read.push({ partId: r.partId, xml: r.xml.value });
      }
      const parts: StoredModelPart[] = [];
      for (const r of read) {
        const model = parseModel(r.xml);
        rememberPart(r.partId, model?.id ?? null);
        if (model !== undefined && model.id === modelId) parts.push({ partId: r.partId, xml: r.xml, model });
      }
      return { parts, partIds };
    },
  };
}

/** Reads every stored model of the workbook (two syncs) and remembers where each one is. */
export async function readAllParts(context: Excel.RequestContext): Promise<StoredModelPart[]> {
  const xmlParts = context.workbook.customXmlParts;
  const scoped = xmlParts.getByNamespace(MODEL_XML_NAMESPACE);
  scoped.load("items/id");
  await context.sync();
  const results = scoped.items.map((p) => ({ partId: p.id, xml: p.getXml() }));
  if (results.length > 0) await context.sync();
  const out: StoredModelPart[] = [];
  for (const r of results) {
    const model = parseModel(r.xml.value);
    rememberPart(r.partId, model?.id ?? null);
    if (model !== undefined) out.push({ partId: r.partId, xml: r.xml.value, model });
  }
  return out;
}

/**
 * Syncs the queued reads plus a model lookup; if a part remembered from earlier in the session has
 * since gone (Excel then fails the whole read), forgets it and reads again without memory.
 * `queue` queues the caller's own reads and is called again on a retry. `then`, given what the
 * first round trip read, may queue more reads: they share the lookup's extra round trip when it
 * takes one, else get one of their own.
 */
export async function syncWithLookup<T>(
  context: Excel.RequestContext,
  modelId: string,
  queue: () => T,
  then?: (queued: T) => boolean,
): Promise<{ queued: T; parts: StoredModelPart[]; partIds: string[] }> {
  let queued = queue();
  let lookup = queueModelLookup(context, modelId);
  try {
    await context.sync();
  } catch (error) {
    if (!lookup.usesMemory) throw error;
    forgetModel(modelId);
    queued = queue();
    lookup = queueModelLookup(context, modelId, false);
    await context.sync();
  }
  const more = then?.(queued) ?? false;
  const found = await lookup.resolve();
  if (more && !lookup.synced) await context.sync();
  return { queued, ...found };
}
