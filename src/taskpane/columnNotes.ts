/**
 * What each computed column of a model sheet means, shown where the column appears in the taskpane's
 * preview (SheetPreview.tsx): a note under the sheet, linked to the column's header cell
 * (aria-describedby) and as its tooltip. Keyed by the header as the model sheets write it (the engine's
 * `ROUND_TABLE_HEADER`, the exit waterfall's and stake sale's header rows). A French sheet's header
 * finds its note through the sheet dictionary (src/model/sheetText.ts), the English and French walked
 * side by side; a header in another wording simply has no note. Headers that mean different things in
 * different tables ("Preference": the multiple typed, or the preference paid) have none.
 */
import { sheetText } from "../model/sheetText";
import type { Lang } from "./i18n";

type Note = Readonly<Record<Lang, string>>;

export const COLUMN_NOTES: Readonly<Record<string, Note>> = {
  // Priced round (CAPTABLE.PRICEDROUND's table)
  "Shares issued": {
    en: "New shares in the round: bought with the new money, converted from a SAFE or note, or added to the option pool.",
    fr: "Actions nouvelles du tour : souscrites avec l’argent frais, issues de la conversion d’un SAFE ou d’une obligation, ou ajoutées au pool d’options.",
  },
  // Cap-table history (the events table)
  "Net shares": {
    en: "Shares outstanding the event adds: issued (issue, conversion, exercise), taken back (repurchase, cancelled shares), or added by a split (the class's shares above × (ratio − 1)); a transfer, a grant, a SAFE or a pool change adds none.",
    fr: "Actions en circulation que l’événement ajoute : émises (émission, conversion, exercice), reprises (rachat, actions annulées), ou ajoutées par une division (actions de la catégorie au-dessus × (rapport − 1)) ; une cession, une attribution, un SAFE ou une variation du pool n’en ajoute aucune.",
  },
  "% after": {
    en: "Shares after divided by all the fully diluted shares after the transaction.",
    fr: "Actions après, divisées par le total des actions entièrement diluées après l’opération.",
  },
  "% before": {
    en: "Shares before divided by all the shares before the transaction.",
    fr: "Actions avant, divisées par le total des actions avant l’opération.",
  },
  "Pro rata investment": {
    en: "What the holder would invest in this round to keep its stake: its pre-money fully diluted ownership × the new money raised. Not the SAFE side letter's pro rata right.",
    fr: "Ce que le porteur investirait dans ce tour pour garder sa part : sa détention entièrement diluée avant le tour × l’argent frais levé. Ce n’est pas le droit au prorata de la lettre annexe du SAFE.",
  },
  "Pro rata right (shares)": {
    en: "YC Pro Rata Side Letter (post-money SAFE): the shares the holder may buy in the round = its conversion shares ÷ the company capitalization × the new-money shares.",
    fr: "Lettre annexe YC « Pro Rata » (SAFE post-money) : les actions que le porteur peut acheter dans le tour = ses actions de conversion ÷ la capitalisation de la société × les actions de l’argent frais.",
  },
  "Pro rata right (amount)": {
    en: "The pro rata right's shares × the round price per share: what exercising the right costs.",
    fr: "Les actions du droit au prorata × le prix par action du tour : ce que coûte l’exercice du droit.",
  },
  "Conversion price": {
    en: "The price per share the SAFE or note converts at: the lower of its cap price and its discounted round price, never above the round price.",
    fr: "Le prix par action auquel le SAFE ou l’obligation se convertit : le plus bas de son prix plafond et du prix du tour décoté, jamais au-dessus du prix du tour.",
  },
  "Converts at": {
    en: "Which term gave the conversion price: the valuation cap, the discount or the round price (and the MFN terms taken, if any).",
    fr: "Le terme qui donne le prix de conversion : le plafond de valorisation, la décote ou le prix du tour (et les termes repris par la clause NPF, le cas échéant).",
  },
  "Cap basis": {
    en: "What the valuation cap is divided by to give the cap price: the instrument's own basis, or its document's (the company capitalization for a post-money SAFE).",
    fr: "Ce par quoi le plafond de valorisation est divisé pour donner le prix plafond : la base propre à l’instrument, ou celle de son document (la capitalisation de la société pour un SAFE post-money).",
  },
  // Exit waterfall
  "Per share": {
    en: "The payout divided by the shares.",
    fr: "Le montant reçu divisé par le nombre d’actions.",
  },
  "Multiple on invested": {
    en: "The class's payout divided by what it invested (MOIC).",
    fr: "Le montant reçu par la catégorie divisé par ce qu’elle a investi (multiple).",
  },
  "Multiple (MOIC)": {
    en: "The holder's payout divided by what it paid for these shares.",
    fr: "Le montant reçu par le porteur divisé par ce qu’il a payé ces actions.",
  },
  Decision: {
    en: "What the class does at this exit value: converts to common, or takes its preference (with its participation, capped or not); options and warrants are exercised or out of the money.",
    fr: "Ce que fait la catégorie à cette valeur de sortie : se convertir en ordinaires, ou prendre sa préférence (avec sa participation, plafonnée ou non) ; options et BSA sont exercés ou hors de la monnaie.",
  },
  "Share of proceeds": {
    en: "The holder's payout divided by the proceeds to equity.",
    fr: "Le montant reçu par le porteur divisé par le produit revenant aux actionnaires.",
  },
  "Proceeds to equity": {
    en: "The exit value less net debt, transaction costs and other claims: what the shareholders share.",
    fr: "La valeur de sortie moins la dette nette, les frais de transaction et les autres ajustements : ce que se partagent les actionnaires.",
  },
  "Residual per share": {
    en: "What each as-converted share receives once the preferences are paid.",
    fr: "Ce que reçoit chaque action (après conversion) une fois les préférences payées.",
  },
  "As-converted shares": {
    en: "The class's shares × its conversion ratio: the common shares it would hold on converting.",
    fr: "Les actions de la catégorie × son ratio de conversion : les actions ordinaires qu’elle détiendrait en se convertissant.",
  },
  "Cap point (per share)": {
    en: "The residual per share at which a capped class reaches its cap.",
    fr: "Le résiduel par action auquel une catégorie plafonnée atteint son plafond.",
  },
  "Converts above (per share)": {
    en: "The residual per share above which the class is better off converting to common.",
    fr: "Le résiduel par action au-delà duquel la catégorie a intérêt à se convertir en ordinaires.",
  },
  // Stake sale
  "Stake sold": {
    en: "The stake × each line of the company at 100%.",
    fr: "La participation × chaque ligne de la société à 100 %.",
  },
  "Stake retained": {
    en: "The company at 100% less the stake sold: what the seller keeps.",
    fr: "La société à 100 % moins la participation cédée : ce que garde le cédant.",
  },
};

const hasNote = (header: string) => Object.prototype.hasOwnProperty.call(COLUMN_NOTES, header);

/** The English header of each French sheet header that has a note: the two dictionaries walked side by side. */
const ENGLISH_HEADER: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const walk = (en: unknown, fr: unknown): void => {
    if (typeof en === "string" && typeof fr === "string") {
      if (en !== fr && hasNote(en)) map.set(fr, en);
    } else if (Array.isArray(en) && Array.isArray(fr)) en.forEach((e, i) => walk(e, fr[i]));
    else if (en !== null && typeof en === "object" && fr !== null && typeof fr === "object")
      for (const key of Object.keys(en)) walk((en as Record<string, unknown>)[key], (fr as Record<string, unknown>)[key]);
  };
  walk(sheetText("en"), sheetText("fr"));
  return map;
})();

/** The note of a sheet column's header (as an English or a French sheet writes it), in the UI language, or undefined. */
export function columnNote(header: string, lang: Lang): string | undefined {
  const english = hasNote(header) ? header : ENGLISH_HEADER.get(header);
  return english === undefined ? undefined : COLUMN_NOTES[english][lang];
}
