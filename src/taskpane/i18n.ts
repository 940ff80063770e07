/**
 * Every string the taskpane shows, in English and French. The language follows Office's display
 * language (the French locales of src/functions/functionLocales.ts -> French), or the browser's in the preview; `?lang=fr` / `?lang=en` in the URL
 * overrides both (for testing). Rule messages from the model schema (zod) stay in English, as in
 * the custom functions' errors (they are the product's one wording of each rule); the French UI
 * shows them translated by `translateRule` where a translation is listed, in English otherwise.
 */

import { BASIS_WORDS, ROUNDING_WORDS, TRANSACTION_WORDS, UNIT_WORDS, type StakeSaleWarning, stakeSaleWarningText } from "../engine";
import { TABLE_LANGUAGE, functionTable } from "../functions/functionLocales";

export type Lang = "en" | "fr";

const en = {
  appTitle: "CapTable",
  appSubtitle: "Stake sale model",
  tabModel: "Model",
  modeExcel: "Excel",
  modePreview: "Preview",
  previewBanner:
    "Excel was not detected: this is a preview. Build shows the model sheet below instead of writing it to a workbook; models are kept in this page only.",
  loading: "Loading…",
  connecting: "Connecting to Excel…",
  connectingSlow: "Still connecting to Excel… If this lasts, close the taskpane and open it again.",
  language: "Language",

  loadExample: "Load the OpCore example",
  newModel: "New model",
  exampleLoaded:
    "OpCore example loaded: Iliad sells 50% of OpCore to InfraVia at an EV of EUR 860M. Net debt and shareholder loans are illustrative: replace them.",

  modelsTitle: "Models in this workbook",
  modelsTitlePreview: "Models in this page",
  modelsEmpty: "No model yet. Fill in the form and build one.",
  modelsPick: "Model",
  modelsOpen: "Open",
  modelsRefresh: "Refresh",
  modelsLoadFailed: (reason: string) => `The models of this workbook could not be read: ${reason}`,
  modelOpened: (sheet: string) => `Model "${sheet}" opened. Edit it and press Rebuild to update its sheet.`,
  modelUnbound: (sheet: string) => `${sheet} (written outside Excel: Rebuild makes it live)`,
  modelOpenedUnbound: (sheet: string) =>
    `Model "${sheet}" opened. It was written outside Excel (the command line): its CAPTABLE cells show the values computed then. Press Rebuild to rebuild the sheet in place and make them live.`,
  modelInvalid: (sheet: string) => `Model "${sheet}" cannot be opened: its stored inputs are not valid.`,
  modelUnknownKind: (kind: string) => `This model is of kind "${kind}", which this version of the taskpane cannot edit.`,
  modelOtherVersion: (sheet: string, version: number) =>
    `Model "${sheet}" was stored by another version of CapTable (inputs version ${version}); update the add-in to edit it. Its sheet is unchanged.`,
  editing: (sheet: string) => `Editing "${sheet}"`,

  sectionCompany: "Company",
  sectionValuation: "Valuation",
  sectionDeal: "Deal",
  sectionCapTable: "Cap table before the deal",
  sectionOutput: "Sheet options",

  company: "Company",
  currency: "Currency",
  currencyHint: "Three-letter code, e.g. EUR",
  unit: "Amounts in",
  unit_units: UNIT_WORDS.labels.units.en,
  unit_thousands: UNIT_WORDS.labels.thousands.en,
  unit_millions: UNIT_WORDS.labels.millions.en,
  basis: "Headline valuation is",
  basis_EV: BASIS_WORDS.labels.EV.en,
  basis_EQUITY: BASIS_WORDS.labels.EQUITY.en,
  valuation: "Headline valuation (100%)",
  netDebt: "Net debt",
  netDebtHint: "Third-party debt less cash, excluding shareholder loans",
  shareholderLoans: "Shareholder loans",
  otherClaims: "Other claims",
  otherClaimsHint: "Minorities, pensions and other debt-like items; empty = 0",
  stake: "Stake (%)",
  stakeHint_secondary: "Share of the equity sold, e.g. 50",
  stakeHint_primary: "Buyer's stake after the new shares, e.g. 20",
  stakeHint_both: "Share of the equity bought from the seller, e.g. 50",
  premium: "Control premium / minority discount (%)",
  premiumHint: "Positive for a premium, negative for a discount; empty = 0",
  capacity: "Capacity",
  capacityHint: "For value per unit; leave empty if none",
  capacityUnit: "Capacity unit",
  transaction: "Transaction",
  transaction_secondary: TRANSACTION_WORDS.labels.secondary.en,
  transaction_primary: TRANSACTION_WORDS.labels.primary.en,
  transaction_both: TRANSACTION_WORDS.labels.both.en,
  seller: "Seller",
  buyer: "Buyer",
  primaryInvestment: "Primary investment",
  primaryInvestmentHint: "New money from the buyer, at the same price per share",
  rounding: "Share rounding",
  rounding_DOWN: ROUNDING_WORDS.labels.DOWN.en,
  rounding_UP: ROUNDING_WORDS.labels.UP.en,
  rounding_NEAREST: ROUNDING_WORDS.labels.NEAREST.en,
  rounding_NONE: ROUNDING_WORDS.labels.NONE.en,
  formulasCaptable: "Write =CAPTABLE.* formulas instead of native Excel formulas",
  formulasHint: "Native formulas calculate on any machine, with or without the add-in.",

  pasteSelectionHint: "Select two columns in the sheet (holder, shares), then press this.",
  pasteCancel: "Cancel",
  pasteDone: (n: number) => `${n} holder${n === 1 ? "" : "s"} pasted.`,

  build: "Build",
  rebuild: "Rebuild",
  buildAsNew: "Build as a new model",
  building: "Building…",
  buildBlocked: (count: number, first: string) => `Build is disabled: ${count} field${count === 1 ? "" : "s"} to fix. ${first}`,
  buildOk: (sheet: string) => `Model written to the sheet "${sheet}".`,
  buildOkPreview: (sheet: string) => `Model "${sheet}" built. Preview below.`,
  buildFailed: (reason: string) => `The model could not be built: ${reason}`,
  writeFailed: (reason: string) => `The sheet could not be written; the workbook was left as it was. ${reason}`,
  writeFailedNotUndone: (reason: string) =>
    `The sheet could not be written, and undoing the partial write failed too: check the workbook's sheets. ${reason}`,

  required: (field: string) => `${field} is required`,
  notANumber: (field: string, text: string) => `${field} must be a number, got "${text}"`,
  notAPercent: (field: string, text: string) => `${field} must be a percentage such as 50 or 12.5%, got "${text}"`,

  templatesTitle: "Templates",
  templatesGallery: "Start from a template",
  templatesUse: "Use",
  templatesSave: "Save as template",
  templatesImport: "Import template",
  templatesImportLabel: "Template file (.json)",
  templateLoaded: (title: string) => `Template "${title}" loaded into the form.`,
  templateCopied: (file: string) => `Template copied to the clipboard: paste it into a text file and save it as ${file}.`,
  templateCopyFailed: "Could not copy: select the text of the template file and copy it (Ctrl+C, or Cmd+C on a Mac).",
  templateDownloadStarted: (file: string) =>
    `Download of ${file} started: if no file appears in your downloads, use Copy and save the text as a file.`,
  templateNoDownload: "Excel for Mac cannot download files from an add-in: copy the text and save it as a file.",
  templateClose: "Close",
  templateImportFailed: "The template could not be imported:",
  templateTooBig: "The file is too large to be a template (more than 1 MB).",
  templateSaveBlocked: "Fix the form first: only a valid model can be saved as a template.",
  templateTitle: "Template title",
  templateDescription: "Description",
  templateJson: "Template file",
  templateCopy: "Copy",
  templateDownload: "Download",
  templateToFill: (note: string) => `To fill: ${note}`,

  previewTitle: "Preview",
  previewNote: "Preview of the sheet Build writes in Excel: formulas show the values the engine computed.",
  previewFormula: (formula: string) => `Formula: ${formula}`,
  previewNames: "Named inputs",
};

export type Messages = typeof en;

const fr: Messages = {
  appTitle: "CapTable",
  appSubtitle: "Modèle de cession de participation",
  tabModel: "Modèle",
  modeExcel: "Excel",
  modePreview: "Aperçu",
  previewBanner:
    "Excel n’a pas été détecté : ceci est un aperçu. Générer affiche la feuille du modèle ci-dessous au lieu de l’écrire dans un classeur ; les modèles ne sont conservés que dans cette page.",
  loading: "Chargement…",
  connecting: "Connexion à Excel…",
  connectingSlow: "Connexion à Excel toujours en cours… Si cela dure, fermez le volet et rouvrez-le.",
  language: "Langue",

  loadExample: "Charger l’exemple OpCore",
  newModel: "Nouveau modèle",
  exampleLoaded:
    "Exemple OpCore chargé : Iliad cède 50 % d’OpCore à InfraVia pour une VE de 860 M EUR. La dette nette et les prêts d’actionnaires sont indicatifs : remplacez-les.",

  modelsTitle: "Modèles de ce classeur",
  modelsTitlePreview: "Modèles de cette page",
  modelsEmpty: "Aucun modèle pour l’instant. Remplissez le formulaire et générez-en un.",
  modelsPick: "Modèle",
  modelsOpen: "Ouvrir",
  modelsRefresh: "Actualiser",
  modelsLoadFailed: (reason: string) => `Les modèles de ce classeur n’ont pas pu être lus : ${reason}`,
  modelOpened: (sheet: string) => `Modèle « ${sheet} » ouvert. Modifiez-le puis cliquez sur Régénérer pour mettre à jour sa feuille.`,
  modelUnbound: (sheet: string) => `${sheet} (écrit hors d'Excel : Régénérer le rend actif)`,
  modelOpenedUnbound: (sheet: string) =>
    `Modèle « ${sheet} » ouvert. Il a été écrit hors d'Excel (ligne de commande) : ses cellules CAPTABLE affichent les valeurs calculées alors. Cliquez sur Régénérer pour reconstruire la feuille sur place et les rendre actives.`,
  modelInvalid: (sheet: string) => `Le modèle « ${sheet} » ne peut pas être ouvert : ses données enregistrées ne sont pas valides.`,
  modelUnknownKind: (kind: string) => `Ce modèle est de type « ${kind} », que cette version du volet ne sait pas modifier.`,
  modelOtherVersion: (sheet: string, version: number) =>
    `Le modèle « ${sheet} » a été enregistré par une autre version de CapTable (version des données ${version}) ; mettez à jour le complément pour le modifier. Sa feuille est inchangée.`,
  editing: (sheet: string) => `Modification de « ${sheet} »`,

  sectionCompany: "Société",
  sectionValuation: "Valorisation",
  sectionDeal: "Opération",
  sectionCapTable: "Table de capitalisation avant l’opération",
  sectionOutput: "Options de la feuille",

  company: "Société",
  currency: "Devise",
  currencyHint: "Code à trois lettres, par ex. EUR",
  unit: "Montants en",
  unit_units: UNIT_WORDS.labels.units.fr,
  unit_thousands: UNIT_WORDS.labels.thousands.fr,
  unit_millions: UNIT_WORDS.labels.millions.fr,
  basis: "La valorisation affichée est",
  basis_EV: BASIS_WORDS.labels.EV.fr,
  basis_EQUITY: BASIS_WORDS.labels.EQUITY.fr,
  valuation: "Valorisation affichée (100 %)",
  netDebt: "Dette nette",
  netDebtHint: "Dette financière externe moins la trésorerie, hors prêts d’actionnaires",
  shareholderLoans: "Prêts d’actionnaires",
  otherClaims: "Autres engagements",
  otherClaimsHint: "Minoritaires, retraites et autres éléments assimilés à de la dette ; vide = 0",
  stake: "Participation (%)",
  stakeHint_secondary: "Part des capitaux propres cédée, par ex. 50",
  stakeHint_primary: "Part de l’acquéreur après l’émission, par ex. 20",
  stakeHint_both: "Part des capitaux propres achetée au cédant, par ex. 50",
  premium: "Prime de contrôle / décote de minorité (%)",
  premiumHint: "Positive pour une prime, négative pour une décote ; vide = 0",
  capacity: "Capacité",
  capacityHint: "Pour la valeur par unité ; laisser vide si aucune",
  capacityUnit: "Unité de capacité",
  transaction: "Opération",
  transaction_secondary: TRANSACTION_WORDS.labels.secondary.fr,
  transaction_primary: TRANSACTION_WORDS.labels.primary.fr,
  transaction_both: TRANSACTION_WORDS.labels.both.fr,
  seller: "Cédant",
  buyer: "Acquéreur",
  primaryInvestment: "Investissement primaire",
  primaryInvestmentHint: "Argent frais de l’acquéreur, au même prix par action",
  rounding: "Arrondi des actions",
  rounding_DOWN: ROUNDING_WORDS.labels.DOWN.fr,
  rounding_UP: ROUNDING_WORDS.labels.UP.fr,
  rounding_NEAREST: ROUNDING_WORDS.labels.NEAREST.fr,
  rounding_NONE: ROUNDING_WORDS.labels.NONE.fr,
  formulasCaptable: "Écrire des formules =CAPTABLE.* au lieu de formules Excel natives",
  formulasHint: "Les formules natives se calculent sur tout poste, avec ou sans le complément.",

  pasteSelectionHint: "Sélectionnez deux colonnes dans la feuille (actionnaire, actions), puis cliquez ici.",
  pasteCancel: "Annuler",
  pasteDone: (n: number) => `${n} actionnaire${n === 1 ? "" : "s"} collé${n === 1 ? "" : "s"}.`,

  build: "Générer",
  rebuild: "Régénérer",
  buildAsNew: "Générer comme nouveau modèle",
  building: "Génération…",
  buildBlocked: (count: number, first: string) => `Génération impossible : ${count} champ${count === 1 ? "" : "s"} à corriger. ${first}`,
  buildOk: (sheet: string) => `Modèle écrit dans la feuille « ${sheet} ».`,
  buildOkPreview: (sheet: string) => `Modèle « ${sheet} » généré. Aperçu ci-dessous.`,
  buildFailed: (reason: string) => `Le modèle n’a pas pu être généré : ${reason}`,
  writeFailed: (reason: string) => `La feuille n’a pas pu être écrite ; le classeur est resté inchangé. ${reason}`,
  writeFailedNotUndone: (reason: string) =>
    `La feuille n’a pas pu être écrite et l’annulation de l’écriture partielle a échoué : vérifiez les feuilles du classeur. ${reason}`,

  required: (field: string) => `${cap(field)} est obligatoire`,
  notANumber: (field: string, text: string) => `${cap(field)} doit être un nombre, reçu « ${text} »`,
  notAPercent: (field: string, text: string) => `${cap(field)} doit être un pourcentage comme 50 ou 12,5 %, reçu « ${text} »`,

  templatesTitle: "Modèles types",
  templatesGallery: "Partir d’un modèle type",
  templatesUse: "Utiliser",
  templatesSave: "Enregistrer comme modèle type",
  templatesImport: "Importer un modèle type",
  templatesImportLabel: "Fichier de modèle type (.json)",
  templateLoaded: (title: string) => `Modèle type « ${title} » chargé dans le formulaire.`,
  templateCopied: (file: string) => `Modèle type copié dans le presse-papiers : collez-le dans un fichier texte enregistré sous ${file}.`,
  templateCopyFailed: "Copie impossible : sélectionnez le texte du fichier de modèle type et copiez-le (Ctrl+C, ou Cmd+C sur Mac).",
  templateDownloadStarted: (file: string) =>
    `Téléchargement de ${file} lancé : si aucun fichier n’apparaît dans vos téléchargements, utilisez Copier et enregistrez le texte dans un fichier.`,
  templateNoDownload: "Excel pour Mac ne peut pas télécharger de fichier depuis un complément : copiez le texte et enregistrez-le dans un fichier.",
  templateClose: "Fermer",
  templateImportFailed: "Le modèle type n’a pas pu être importé :",
  templateTooBig: "Le fichier est trop volumineux pour un modèle type (plus de 1 Mo).",
  templateSaveBlocked: "Corrigez d’abord le formulaire : seul un modèle valide peut être enregistré comme modèle type.",
  templateTitle: "Titre du modèle type",
  templateDescription: "Description",
  templateJson: "Fichier du modèle type",
  templateCopy: "Copier",
  templateDownload: "Télécharger",
  templateToFill: (note: string) => `À renseigner : ${note}`,

  previewTitle: "Aperçu",
  previewNote: "Aperçu de la feuille que Générer écrit dans Excel : les formules affichent les valeurs calculées par le moteur.",
  previewFormula: (formula: string) => `Formule : ${formula}`,
  previewNames: "Entrées nommées",
};

/** Field names in messages, per language (keys of form.FIELD_NAMES). */
export const FIELD_LABELS: Record<Lang, Record<string, string>> = {
  en: {
    company: "company",
    currency: "currency",
    unit: "unit",
    basis: "basis",
    valuation: "valuation",
    netDebt: "net debt",
    shareholderLoans: "shareholder loans",
    otherClaims: "other claims",
    stake: "stake",
    premium: "premium",
    capacity: "capacity",
    capacityUnit: "capacity unit",
    transaction: "transaction",
    seller: "seller",
    buyer: "buyer",
    primaryInvestment: "primary investment",
    rounding: "rounding",
    formulas: "formulas",
    shares: "shares",
    holder: "holder",
  },
  fr: {
    company: "société",
    currency: "devise",
    unit: "unité",
    basis: "base",
    valuation: "valorisation",
    netDebt: "dette nette",
    shareholderLoans: "prêts d’actionnaires",
    otherClaims: "autres engagements",
    stake: "participation",
    premium: "prime",
    capacity: "capacité",
    capacityUnit: "unité de capacité",
    transaction: "opération",
    seller: "cédant",
    buyer: "acquéreur",
    primaryInvestment: "investissement primaire",
    rounding: "arrondi",
    formulas: "formules",
    shares: "actions",
    holder: "actionnaire",
  },
};

export const MESSAGES: Record<Lang, Messages> = { en, fr };

/**
 * Picks the UI language: `?lang=` override first, then Office's display language, then the
 * browser's. French for exactly the display languages whose Excel loads the French functions
 * (the one locale rule, src/functions/functionLocales.ts: fr-FR, fr-BE, fr-CA, fr-CH, fr-LU, or a
 * bare "fr"); everything else English, so the taskpane and the function names always agree.
 */
export function pickLanguage(sources: { search?: string; officeLanguage?: string | null; navigatorLanguage?: string | null }): Lang {
  const override = new URLSearchParams(sources.search ?? "").get("lang");
  if (override !== null && /^(en|fr)/i.test(override)) return override.toLowerCase().startsWith("fr") ? "fr" : "en";
  const lang = sources.officeLanguage || sources.navigatorLanguage || "en";
  const table = functionTable(lang);
  return table === undefined ? "en" : TABLE_LANGUAGE[table];
}

/** French names of the fields as the schema's messages name them (English name -> French), the venture models' too. */
const FR_FIELD_BY_EN: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(FIELD_LABELS.en).map(([key, en]) => [en, FIELD_LABELS.fr[key]])),
  "cap table": "table de capitalisation",
  "pre-money": "valorisation pré-money",
  "option pool": "pool d’options",
  "pool target": "pool cible",
  "pool increase": "complément du pool",
  "investor name": "nom de l’investisseur",
  "investor amount": "investissement",
  "instrument holder": "porteur de l’instrument",
  "instrument amount": "montant de l’instrument",
  "instrument cap": "plafond de valorisation",
  "instrument discount": "décote",
  "interest rate": "taux d’intérêt",
  "interest start date": "date de début des intérêts",
  "interest conversion date": "date de conversion",
  "interest day count": "base de calcul des intérêts",
  "interest compounding": "capitalisation des intérêts",
  "instrument type": "type d’instrument",
  "instrument cap basis": "base du plafond de l’instrument",
  "instrument mfn": "clause NPF de l’instrument",
  participation: "participation",
  class: "catégorie",
  invested: "montant investi",
  preference: "préférence",
  seniority: "rang",
  cap: "plafond",
  "conversion ratio": "ratio de conversion",
  strike: "prix d’exercice",
  "transaction costs": "frais de transaction",
  "exit value": "valeur de sortie",
  "exit values": "valeurs de sortie",
};

/** Any field name above, longest first so that "exit values" is not read as "exit value" + "s". */
const FIELD_PATTERN = `(${Object.keys(FR_FIELD_BY_EN)
  .sort((a, b) => b.length - a.length)
  .map((k) => k.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&"))
  .join("|")})`;

/** The schema's rule messages (src/model/stakeSaleInput.ts) in French; a message not listed stays in English. */
const FR_RULES: readonly [RegExp, (m: RegExpExecArray, f: (en: string) => string) => string][] = [
  [new RegExp(`^${FIELD_PATTERN} is required$`), (m, f) => `${cap(f(m[1]))} est obligatoire`],
  [new RegExp(`^${FIELD_PATTERN} must be a text$`), (m, f) => `${cap(f(m[1]))} doit être un texte`],
  [
    new RegExp(`^${FIELD_PATTERN} contains (U\\+[0-9A-F]{4}) \\(character (\\d+)\\), a control or invalid character an Excel file cannot hold$`),
    (m, f) => `${cap(f(m[1]))} contient ${m[2]} (caractère ${m[3]}), un caractère de contrôle ou invalide qu’un fichier Excel ne peut pas contenir`,
  ],
  [new RegExp(`^${FIELD_PATTERN} must be at most (\\d+) characters$`), (m, f) => `${cap(f(m[1]))} doit faire au plus ${m[2]} caractères`],
  [new RegExp(`^${FIELD_PATTERN} must be a (?:finite )?number$`), (m, f) => `${cap(f(m[1]))} doit être un nombre`],
  [new RegExp(`^${FIELD_PATTERN} must be at most 1e15 in size$`), (m, f) => `${cap(f(m[1]))} doit être au plus 1e15 en valeur absolue`],
  [new RegExp(`^${FIELD_PATTERN} must not be negative$`), (m, f) => `${cap(f(m[1]))} ne doit pas être négatif`],
  [/^currency must be a three-letter code such as (EUR|USD)$/, (m) => `La devise doit être un code à trois lettres comme ${m[1]}`],
  [/^stake must be between 0% and 100%, got (.+)%$/, (m) => `La participation doit être comprise entre 0 % et 100 %, reçu ${frNumber(m[1])} %`],
  [/^premium must be greater than -100%$/, () => "La prime doit être supérieure à -100 %"],
  [/^capacity must be greater than 0$/, () => "La capacité doit être supérieure à 0"],
  [/^cap table must list at least one holder$/, () => "La table de capitalisation doit compter au moins un actionnaire"],
  [/^cap table must have at most (\d+) holders$/, (m) => `La table de capitalisation doit compter au plus ${m[1]} actionnaires`],
  [/^cap table must have some shares$/, () => "La table de capitalisation doit compter des actions"],
  [/^holder "(.*)" appears more than once$/s, (m) => `L’actionnaire « ${m[1]} » apparaît plusieurs fois`],
  [/^seller "(.*)" must be one of the holders$/s, (m) => `Le cédant « ${m[1]} » doit être l’un des actionnaires`],
  [/^buyer must differ from the seller$/, () => "L’acquéreur doit être différent du cédant"],
  [/^stake after a primary issue must be below 100%$/, () => "La participation après une augmentation de capital doit être inférieure à 100 %"],
  [
    /^primary investment applies only when transaction is "both" \(a (primary issue is sized by the stake|secondary sale invests nothing)\): set it to 0 or choose "both"$/,
    (m) =>
      `L’investissement primaire ne s’applique qu’à l’opération « Les deux » (cession et augmentation de capital) : ${m[1].startsWith("primary") ? "une augmentation de capital est dimensionnée par la participation" : "une cession secondaire n’investit rien"} ; mettez-le à 0 ou choisissez « Les deux »`,
  ],
  [
    /^stake of (.+)% is (\S+) shares but seller "(.*)" holds (\S+)$/s,
    (m) =>
      `Une participation de ${frNumber(m[1])} % représente ${frNumber(m[2])} actions, mais le cédant « ${m[3]} » n’en détient que ${frNumber(m[4])}`,
  ],
  // The venture models (src/model/pricedRoundInput.ts, exitWaterfallInput.ts).
  [/^pool target must be at least 0% and below 100%$/, () => "Le pool cible doit être d’au moins 0 % et inférieur à 100 %"],
  [/^instrument discount must be at least 0% and below 100%$/, () => "La décote doit être d’au moins 0 % et inférieure à 100 %"],
  [/^interest rate must be at most 1000%$/, () => "Le taux d’intérêt doit être d’au plus 1000 %"],
  [
    /^option pool "(.*)" must be one of the holders \("(.*)" looks like the pool\)$/s,
    (m) => `Le pool d’options « ${m[1]} » doit être l’un des actionnaires (« ${m[2]} » ressemble au pool)`,
  ],
  [/^option pool "(.*)" must be one of the holders$/s, (m) => `Le pool d’options « ${m[1]} » doit être l’un des actionnaires`],
  [/^investors must list at least one investor$/, () => "Indiquez au moins un investisseur"],
  [/^investor "(.*)" appears more than once$/s, (m) => `L’investisseur « ${m[1]} » apparaît plusieurs fois`],
  [
    /^interest (start|conversion) date must be a date YYYY-MM-DD$/,
    (m) => `La date ${m[1] === "start" ? "de début des intérêts" : "de conversion"} doit être une date AAAA-MM-JJ`,
  ],
  [
    /^interest (start|conversion) date must be a real date from 1900-03-01 on$/,
    (m) => `La date ${m[1] === "start" ? "de début des intérêts" : "de conversion"} doit être une date réelle, à partir du 1900-03-01`,
  ],
  [/^interest conversion date must not be before the start date$/, () => "La date de conversion ne doit pas précéder la date de début des intérêts"],
  [/^classes must list at least one share class$/, () => "Indiquez au moins une catégorie d’actions"],
  [/^classes must hold some shares$/, () => "Les catégories doivent compter des actions"],
  [/^class "(.*)" appears more than once$/s, (m) => `La catégorie « ${m[1]} » apparaît plusieurs fois`],
  [/^exit values must list at least (\d+) values$/, (m) => `Indiquez au moins ${m[1]} valeurs de sortie`],
  [/^exit values must list at most (\d+) values$/, (m) => `Indiquez au plus ${m[1]} valeurs de sortie`],
  [/^seniority must be a whole number from 1 \(most senior\)$/, () => "Le rang doit être un nombre entier à partir de 1 (le plus prioritaire)"],
  [
    /^cap of class "(.*)" is required: it is capped participating$/s,
    (m) => `Le plafond de la catégorie « ${m[1]} » est obligatoire : elle est participante plafonnée`,
  ],
  [
    /^cap of class "(.*)" must be at least its preference multiple \((.*)x\)$/s,
    (m) => `Le plafond de la catégorie « ${m[1]} » doit être au moins son multiple de préférence (${frNumber(m[2])}x)`,
  ],
  [
    /^preference of class "(.*)" must be 0: it has a strike/s,
    (m) => `La préférence de la catégorie « ${m[1]} » doit être 0 : elle a un prix d’exercice (options et BSA n’ont pas de préférence)`,
  ],
  [
    /^holdings row (\d+) \("(.*)"\) names a class that is not in the classes table: "(.*)"$/s,
    (m) => `Détention ligne ${m[1]} (« ${m[2]} ») : la catégorie « ${m[3]} » n’est pas dans la table des catégories`,
  ],
  [
    /^holdings row (\d+): "(.*)" already holds class "(.*)" in row (\d+) \(one row per holder and class\)$/s,
    (m) => `Détention ligne ${m[1]} : « ${m[2]} » détient déjà la catégorie « ${m[3]} » ligne ${m[4]} (une ligne par porteur et catégorie)`,
  ],
  [
    /^valuation leaves nothing for the shares/,
    () => "La valorisation ne laisse rien aux actions : l’émission exige des capitaux propres × (1 + prime) supérieurs aux prêts d’actionnaires",
  ],
  // A list argument that is not a list (a template edited by hand).
  [/^cap table must be a list of holders$/, () => "La table de capitalisation doit être une liste d’actionnaires"],
  [/^investors must be a list$/, () => "Les investisseurs doivent être une liste"],
  [/^instruments must be a list$/, () => "Les instruments doivent être une liste"],
  [/^classes must be a list of share classes$/, () => "Les catégories doivent être une liste de catégories d’actions"],
  [/^exit values must be a list of numbers$/, () => "Les valeurs de sortie doivent être une liste de nombres"],
  [
    /^holdings must be a list of holdings \(holder, class, shares\)$/,
    () => "La détention doit être une liste de lignes (porteur, catégorie, actions)",
  ],
  // A choice or a yes-or-no (src/model/fields.ts `choice`, `flag`): the canonical words, which every reader accepts in French too.
  [
    new RegExp(`^${FIELD_PATTERN} must be ((?:"[^"]*", )*"[^"]*") or ("[^"]*")$`),
    (m, f) =>
      `${cap(f(m[1]))} doit être ${[...m[2].matchAll(/"([^"]*)"/g), ...m[3].matchAll(/"([^"]*)"/g)]
        .map((w) => `« ${w[1]} »`)
        .join(", ")
        .replace(/, (« [^«]* »)$/, " ou $1")}`,
  ],
  [new RegExp(`^${FIELD_PATTERN} must be true or false$`), (m, f) => `${cap(f(m[1]))} doit être vrai ou faux`],
  // After the specific rules above (e.g. capacity's, worded with its article).
  [new RegExp(`^${FIELD_PATTERN} must be greater than 0$`), (m, f) => `${cap(f(m[1]))} doit être supérieur à 0`],
];

function cap(text: string): string {
  const s = String(text);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function frNumber(text: string): string {
  return text.replace(".", ",");
}

/** A rule message from the model's schema in the UI language (English messages are the schema's own). */
export function translateRule(message: string, lang: Lang): string {
  if (lang === "en") return message;
  const f = (en: string) => FR_FIELD_BY_EN[en] ?? en;
  for (const [pattern, render] of FR_RULES) {
    const m = pattern.exec(message);
    if (m !== null) return render(m, f);
  }
  return message;
}

/**
 * An input allowed but that looks wrong (the engine's `stakeSaleWarnings`), as shown beside its
 * field: English in the engine's words (as on the sheet and the command line), French here.
 */
export function stakeSaleWarningMessage(w: StakeSaleWarning, lang: Lang): string {
  return lang === "fr" ? `À vérifier : ${frenchWarning(w)}.` : `Check: ${stakeSaleWarningText(w)}.`;
}

/** The French words of a stake-sale warning (the English ones are the engine's `stakeSaleWarningText`). */
function frenchWarning(w: StakeSaleWarning): string {
  const p: Record<string, string> = {};
  for (const [k, v] of Object.entries(w.params)) p[k] = v.replace(".", ",");
  switch (w.id) {
    case "negativeEnterpriseValue":
      return `la valeur d’entreprise est négative (${p.enterpriseValue}) : vérifiez la valorisation et sa base`;
    case "negativeEquity":
      return `la dette nette et les autres ajustements (${p.claims}) dépassent la valeur d’entreprise (${p.enterpriseValue}) : la valeur des fonds propres est négative (${p.equityValue}), et le prix de la participation aussi`;
    case "negativeShareEquity":
      return `les comptes courants (${p.shareholderLoans}) dépassent la valeur des fonds propres (${p.equityValue}) : les actions valent moins que rien (${p.shareEquity}) avec les comptes courants à leur valeur nominale`;
    case "zeroStake":
      return "la participation est de 0 % : rien ne change de mains et aucune valorisation n’en découle";
    case "noPrimaryInvestment":
      return "l’investissement primaire est nul : l’acquéreur ne souscrit aucune action nouvelle (choisissez une cession secondaire, ou saisissez l’investissement)";
  }
}
