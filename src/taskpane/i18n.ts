/**
 * Every string the taskpane shows, in English and French: one dictionary, and the French is typed
 * `Messages` (the English's type), so the compiler checks that it has every key. The language follows
 * Office's display language (the French locales of src/functions/functionLocales.ts -> French), or
 * the browser's in the preview; `?lang=fr` / `?lang=en` in the URL overrides both (for testing).
 *
 * The forms' words are keyed by field (forms.ts): `label.<field>` and `label.<table>.<column>`,
 * `hint.<field>`, `section.<id>`; a field's label or hint that differs in one model kind is keyed
 * `<kind>.<field>` ("exitWaterfall.netDebt": net debt at exit). The labels of choices are the
 * vocabulary's (src/engine/vocabulary.ts), the same words every reader accepts. Rule messages from
 * the model schema: src/model/ruleMessages.ts (English) and src/locales/ruleMessagesFr.ts (French), by rule id.
 */

import { TABLE_LANGUAGE, functionTable } from "../functions/functionLocales";

export type Lang = "en" | "fr";

const en = {
  appTitle: "CapTable",
  tabModel: "Model",
  modeExcel: "Excel",
  modePreview: "Preview",
  previewBanner:
    "Excel was not detected: this is a preview. Build shows the model sheet below instead of writing it to a workbook; models are kept in this page only.",
  loading: "Loading…",
  connecting: "Connecting to Excel…",
  connectingSlow: "Still connecting to Excel… If this lasts, close the taskpane and open it again.",
  language: "Language",

  loadExample_stakeSale: "Load the OpCore example",
  newModel: "New model",
  exampleLoaded_stakeSale:
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

  pasteSelectionHint: "Select two columns in the sheet (holder, shares), then press this.",
  pasteCancel: "Cancel",
  pasteDoneHolders: (n: number) => `${n} holder${n === 1 ? "" : "s"} pasted.`,

  build: "Build",
  rebuild: "Rebuild",
  buildAsNew: "Build as a new model",
  building: "Building…",
  buildBlocked: (count: number, first: string) => `Build is disabled: ${count} field${count === 1 ? "" : "s"} to fix. ${first}`,
  buildTodo: (count: number) => `Fill in the form to build: ${count} field${count === 1 ? "" : "s"} still to fill.`,
  buildOk: (sheet: string) => `Model written to the sheet "${sheet}".`,
  buildOkPreview: (sheet: string) => `Model "${sheet}" built. Preview below.`,
  buildFailed: (reason: string) => `The model could not be built: ${reason}`,
  writeFailed: (reason: string) => `The sheet could not be written; the workbook was left as it was. ${reason}`,
  writeFailedNotUndone: (reason: string) =>
    `The sheet could not be written, and undoing the partial write failed too: check the workbook's sheets. ${reason}`,

  required: (field: string) => `${field} ${PLURAL_LABELS.has(String(field).toLowerCase()) ? "are" : "is"} required`,
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

  // Open Cap Format import (OcfImportPanel.tsx, ocfImport.ts; issue 17).
  ocf: {
    title: "Import a cap table (Open Cap Format)",
    intro:
      "Read an Open Cap Format package (.ocf.zip) exported from Carta, Pulley or another cap-table system: every object is listed as read, read without effect, or skipped with the reason.",
    pick: "Import OCF package",
    fileLabel: "OCF package (.ocf.zip)",
    requireMd5: "Refuse a package whose md5 checksums do not match its manifest",
    reading: "Reading the package…",
    failed: (file: string) => `${file} could not be imported; nothing was changed.`,
    tooBig: (limit: number) => `The file is larger than the ${limit} bytes a package may be.`,
    readerMessage: "Reason (as the OCF reader states it, in English):",
    summary: (issuer: string, version: string, asOf: string) => `${issuer}: OCF ${version} package as of ${asOf}.`,
    counts: (applied: number, noEffect: number, skipped: number) =>
      `${applied} object(s) read into the history, ${noEffect} read without effect on holdings, ${skipped} skipped.`,
    appliedTitle: "Read into the history",
    noEffectTitle: "Read without effect on holdings",
    skippedTitle: "Skipped",
    warningsTitle: "Warnings",
    otherWarningsTitle: "Other warnings (as the OCF reader states them, in English)",
    md5Mismatch: (file: string, actual: string, expected: string) =>
      `${file}: its md5 is ${actual}, the manifest says ${expected}. The file was read anyway (tick the box above to refuse such a package).`,
    noEffectReason: {
      TX_STOCK_ACCEPTANCE: "an acceptance records that the holder accepted; holdings do not change",
      TX_EQUITY_COMPENSATION_ACCEPTANCE: "an acceptance records that the holder accepted; holdings do not change",
      TX_WARRANT_ACCEPTANCE: "an acceptance records that the holder accepted; holdings do not change",
      TX_CONVERTIBLE_ACCEPTANCE: "an acceptance records that the holder accepted; holdings do not change",
      TX_VESTING_EVENT: "an event-triggered vesting condition was met; vested quantities come from the schedule and accelerations",
      TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT: "the issuer's authorized shares do not change holdings",
      STOCK_LEGEND_TEMPLATE: "legends are document text",
      VALUATION: "a 409A valuation is a fair-market value, not a transaction",
      FINANCING: "a financing groups issuances; the issuances themselves are read",
      DOCUMENT: "documents are not cap-table data",
      TX_VESTING_START: "a vesting start dates the grant's schedule (read into its vesting)",
    },
    skipReason: {
      unexpectedType: (type: string) => `object type ${type} is not expected in this file`,
      laterQuantity: () => "a warrant whose number of shares is set later (it depends on a future price) is not counted in the cap table",
      unknownTransaction: (type: string) => `transaction type ${type} is not one this reader knows (OCF 1.2.0 transaction types are read)`,
    },
    inconsistent: "This package's transactions do not form one cap table: the report above lists what was read; no cap table is built from it.",
    asOf: "Cap table as of",
    asOfBad: "Enter a date written YYYY-MM-DD.",
    target:
      "The cap table as of the date fills the priced round's cap table: holders and fully diluted shares (shares as converted to common, options and warrants outstanding vested or not, each plan's available pool), and its SAFEs and notes. You then enter the pre-money and the new money.",
    build: "Fill the priced round with this cap table",
    loaded: (issuer: string, asOf: string) =>
      `Cap table of ${issuer} as of ${asOf} loaded into the priced round. Enter the pre-money and the new money, then Build.`,
    buildFailed: (reason: string) => `The cap table could not be taken into the priced round; the form was not changed. ${reason}`,
    tooManyRows: (rows: number, max: number) => `The cap table has ${rows} rows; the priced round holds at most ${max}.`,
    tooManyInstruments: (count: number, max: number) =>
      `The package has ${count} SAFEs and notes outstanding; the priced round holds at most ${max}.`,
    notePoolNone: (row: string) =>
      `No plan has shares available at the date: a "${row}" row with 0 shares is added (the priced round names its pool row).`,
    notePoolMerged: (count: number, row: string) => `${count} plans have shares available: their available pools are added up in one "${row}" row.`,
    noteCurrency: (found: string) =>
      found === ""
        ? "The package names no currency: enter the model's currency."
        : `The package names several currencies (${found}): enter the model's currency.`,
    noteInterestBaked: (holder: string, date: string) =>
      `${holder}'s note has several interest rates: it converts its principal plus the interest accrued to ${date}, entered as one amount.`,
    noteInterestDate: (holder: string, date: string) =>
      `${holder}'s note accrues interest to ${date} (the cap table's date): set its conversion date to the round's date.`,
    noteSafeTiming: (holder: string) => `${holder}'s SAFE does not say whether its cap is pre- or post-money: read as a pre-money SAFE.`,
    noteNoTerms: (holder: string, type: string) =>
      `${holder}'s ${type} states no conversion terms: it converts at the round price as a pre-money SAFE.`,
    poolRow: "Option pool",
    poolsRow: "Option pools (available)",
  },

  previewTitle: "Preview",
  previewNote: "Preview of the sheet Build writes in Excel: formulas show the values the engine computed.",
  previewFormula: (formula: string) => `Formula: ${formula}`,
  previewNames: "Named inputs",
  columnNotesTitle: "What the computed columns mean",

  // The model sheet as the workspace (SheetSync.tsx; issues 11 and 13).
  buildNewSheet: (sheet: string, recorded: string, reason: "noMarker" | "sheetDeleted") =>
    reason === "noMarker"
      ? `Model written to a new sheet "${sheet}". Nothing proves the sheet "${recorded}" is this model's (the workbook has no CapTable marker for it, as in workbooks from an older command line), so no sheet was replaced: delete the old one yourself if it is no longer needed.`
      : `Model written to a new sheet "${sheet}": its sheet "${recorded}" was deleted.`,
  sheetRead: "Read from sheet",
  sheetReading: "Reading the sheet…",
  sheetSame: (sheet: string) => `The sheet "${sheet}" holds the same inputs as the model.`,
  sheetDiffers: (sheet: string, count: number) =>
    `The sheet "${sheet}" differs from the model in ${count} value${count === 1 ? "" : "s"}. Choose which to keep before rebuilding.`,
  sheetField: "Field",
  sheetModelValue: "Model",
  sheetSheetValue: "Sheet",
  sheetNone: "(none)",
  sheetUse: "Use the sheet's values",
  sheetKeep: "Keep the model's values",
  sheetUsed: (sheet: string) => `The sheet's values from "${sheet}" are in the form: press Rebuild to recompute the sheet with them.`,
  sheetInvalid: (sheet: string) => `The values in the sheet "${sheet}" cannot be used as they are:`,
  sheetNotFound: "No sheet of this workbook is provably this model's (no CapTable marker), so nothing was read.",
  sheetReadFailed: (reason: string) => `The sheet could not be read: ${reason}`,
  sheetRowsNote: "Rows added below a table are not read: add them in the taskpane, or insert rows inside the table.",

  kindLabel: "Model type",
  kind_stakeSale: "Stake sale (EV to equity)",
  kind_pricedRound: "Priced round (SAFEs, notes, option pool)",
  kind_exitWaterfall: "Exit waterfall",
  subtitle_stakeSale: "Stake sale model",
  subtitle_pricedRound: "Priced round model",
  subtitle_exitWaterfall: "Exit waterfall model",
  loadExample_pricedRound: "Load the YC SAFE example",
  loadExample_exitWaterfall: "Load an example exit",
  exampleLoaded_pricedRound:
    "YC Post-Money Safe User Guide, Example 1 loaded: two SAFEs convert in a $5M Series A at a $15M pre-money with 1,695,000 new pool shares.",
  exampleLoaded_exitWaterfall:
    "Example exit loaded: a Series B senior to a Series A and Seed (pari passu), common and options, with illustrative holders. Replace them with your classes.",
  add_holdings: "Add holding",
  instrumentsEmpty: "No SAFE or note converts in this round.",
  spreadExitValues: "Spread around the exit value (0.25x to 3x)",
  add_capTable: "Add holder",
  add_investors: "Add investor",
  add_instruments: "Add a SAFE or note",
  add_classes: "Add class",
  // Deal pricing and returns (issue 16)
  kind_dealPricing: "Deal pricing and returns",
  subtitle_dealPricing: "Deal pricing and returns model",
  loadExample_dealPricing: "Load the OpCore deal example",
  exampleLoaded_dealPricing:
    "OpCore deal loaded: Iliad sells 50% to InfraVia at an EV of EUR 860M and books a EUR 466M gain. Public facts carry their source; the other figures are illustrative.",
  add_positions: "Add holder",
  add_flows: "Add flow",
  add_comps: "Add comp",
  add_notes: "Add note",
  remove: (n: number) => `Remove row ${n}`,
  removeColumn: "Remove",
  cell: (label: string, n: number) => `${label}, row ${n}`,
  pasteRows: "Paste rows",
  pasteSelection: "Paste from selection",
  pasteRowsLabel: (columns: string) => `Rows to paste, columns separated by a tab: ${columns}`,
  pasteApply: "Replace the rows",
  pasteDone: (n: number) => `${n} row${n === 1 ? "" : "s"} pasted.`,
  pasteNothing: "Nothing to paste: the block has no line below its header.",
  pasteRejected: (lines: number) =>
    `Nothing was pasted: ${lines} line${lines === 1 ? "" : "s"} could not be read, and the table is unchanged. Correct ${lines === 1 ? "it" : "them"} and paste again.`,
  pasteHeaderSkipped: (line: number) => `Line ${line} was read as a header and skipped.`,
  pasteLine: (line: number, column: string | undefined, reason: string) => `Line ${line}${column === undefined ? "" : `, ${column}`}: ${reason}`,
  pasteRequired: "empty; a name is required",
  pasteNotANumber: (text: string) => `"${text}" is not a number`,
  pasteNotAPercent: (text: string) => `"${text}" is not a percentage`,
  pasteUnknownWord: (text: string, accepted: string) => `"${text}" is not one of ${accepted}`,
  pasteTooMany: (max: number) => `beyond the table's limit of ${max} rows`,
  unknownWord: (field: string, text: string, accepted: string) => `${field}: "${text}" is not one of ${accepted}`,
  pasteFailed: (reason: string) => `The selection could not be read: ${reason}`,
  listNotANumber: (field: string, text: string) => `${field}: "${text}" is not a number (one value per line, or separated by ;)`,

  label: {
    company: "Company",
    currency: "Currency",
    unit: "Amounts in",
    basis: "Headline valuation is",
    valuation: "Headline valuation (100%)",
    netDebt: "Net debt",
    shareholderLoans: "Shareholder loans",
    otherClaims: "Other claims",
    stake: "Stake (%)",
    premium: "Control premium / minority discount (%)",
    capacity: "Capacity",
    capacityUnit: "Capacity unit",
    transaction: "Transaction",
    seller: "Seller",
    buyer: "Buyer",
    primaryInvestment: "Primary investment",
    rounding: "Share rounding",
    formulas: "Write =CAPTABLE.* formulas instead of native Excel formulas",
    preMoney: "Pre-money valuation",
    optionPool: "Option pool row",
    poolMode: "Option pool top-up",
    poolTarget: "Pool target (post-money, fully diluted)",
    poolIncrease: "Shares added to the pool",
    exitValue: "Exit enterprise value",
    "exitWaterfall.netDebt": "Net debt at exit",
    transactionCosts: "Transaction costs",
    exitValues: "Exit values of the sensitivity",
    "capTable.holder": "Holder",
    "capTable.shares": "Shares",
    "investors.name": "Investor",
    "investors.amount": "Investment",
    "instruments.holder": "Holder",
    "instruments.type": "Type",
    "instruments.amount": "Amount (principal)",
    "instruments.cap": "Valuation cap",
    "instruments.discount": "Discount",
    "instruments.mfn": "MFN (most favoured nation)",
    "instruments.rate": "Interest rate (yearly)",
    "instruments.startDate": "Interest from",
    "instruments.conversionDate": "Converts on",
    "instruments.dayCount": "Day count",
    "instruments.compounding": "Compounding",
    "instruments.capBasis": "Cap basis (what the cap is divided by)",
    "classes.name": "Class",
    "classes.shares": "Shares",
    "classes.invested": "Invested",
    "classes.preference": "Preference",
    "classes.seniority": "Seniority",
    "classes.participation": "Participation",
    "classes.cap": "Participation cap",
    "classes.conversionRatio": "Conversion ratio",
    "classes.strike": "Strike (options, warrants)",
    "holdings.holder": "Holder",
    "holdings.className": "Class",
    "holdings.shares": "Shares",
    "holdings.invested": "Invested (cost)",
    enterpriseValue: "Enterprise value (100%)",
    capacityBasis: "Capacity basis (what it counts)",
    mechanism: "Price mechanism",
    completionDate: "Completion date",
    debtLike: "Debt-like items",
    boxDate: "Locked-box date",
    netDebtAtBox: "Net debt at the box date",
    tickerRate: "Ticker rate (a year)",
    tickerBase: "Ticker accrues on",
    leakage: "Leakage since the box date",
    permittedLeakage: "Permitted leakage",
    targetWorkingCapital: "Target working capital",
    estimatedNetDebt: "Estimated net debt",
    estimatedWorkingCapital: "Estimated working capital",
    finalNetDebt: "Final net debt",
    finalWorkingCapital: "Final working capital",
    escrow: "Escrow",
    loansDate: "Loan balances stated at",
    pikRate: "PIK interest rate (a year)",
    pikCompounding: "PIK compounding",
    acquisitionDebt: "Acquisition debt",
    fees: "Transaction fees",
    carryingAmount: "Seller's carrying amount (whole interest)",
    disposalCosts: "Seller's disposal costs",
    remeasureRetained: "Remeasure the part retained at the deal price (loss of control)",
    entryEbitda: "EBITDA at entry",
    exitEbitda: "EBITDA at exit",
    exitMultiple: "EV / EBITDA at exit",
    exitNetDebt: "Net debt at exit",
    cashReturned: "Cash returned during the hold",
    crossTerm: "Value bridge cross term",
    "positions.holder": "Holder",
    "positions.shares": "Shares",
    "positions.loans": "Loans (balance)",
    "positions.sharesSold": "Shares sold",
    "positions.loansSold": "Loans sold (balance)",
    "flows.holder": "Holder",
    "flows.instrument": "Instrument",
    "flows.date": "Date",
    "flows.amount": "Amount",
    "comps.name": "Deal",
    "comps.ev": "EV",
    "comps.ebitda": "EBITDA",
    "comps.capacity": "Capacity",
    "comps.basis": "Capacity basis",
    "notes.field": "Input",
    "notes.note": "Note (source, or why illustrative)",
  },
  hint: {
    "stakeSale.currency": "Three-letter code, e.g. EUR",
    netDebt: "Third-party debt less cash, excluding shareholder loans",
    otherClaims: "Minorities, pensions and other debt-like items; empty = 0",
    capacity: "For value per unit; leave empty if none",
    premium: "Positive for a premium, negative for a discount; empty = 0",
    stake_secondary: "Share of the equity sold, e.g. 50",
    stake_primary: "Buyer's stake after the new shares, e.g. 20",
    stake_both: "Share of the equity bought from the seller, e.g. 50",
    primaryInvestment: "New money from the buyer, at the same price per share",
    formulas: "Native formulas calculate on any machine, with or without the add-in.",
    currency: "Three-letter code, e.g. USD",
    preMoney: "Includes the pool top-up and the converting SAFEs and notes",
    optionPool: "The cap-table row that is the unissued option pool",
    poolTarget: "Unissued pool after the round, e.g. 10",
    poolIncrease: "A fixed number of new pool shares",
    exitValues: "One per line (or separated by ;). Each gives a row of the sensitivity table and a column of the chart.",
    "exitWaterfall.netDebt": "Repaid before the shareholders; empty = 0",
    transactionCosts: "Empty = 0",
    "exitWaterfall.otherClaims": "Ahead of the shareholders; empty = 0",
    "instruments.cap": "Post-money for a post-money SAFE, pre-money otherwise; empty = none",
    "instruments.discount": "On the round price, e.g. 20; empty = none",
    "instruments.rate": "Empty when the amount already includes the interest",
    "classes.preference": "Multiple of invested capital (1 = 1x); 0 for common",
    "classes.seniority": "1 is paid first; equal ranks are pari passu",
    "classes.cap": "Total return cap, multiple of invested capital",
    "classes.strike": "Per share; empty for shares",
    "dealPricing.debtLike": "Besides net debt (provisions, deferred capex); empty = 0",
    netDebtAtBox: "On the locked-box balance sheet, excluding shareholder loans",
    tickerRate: "Simple, actual/365, from the box date to completion; empty = 0",
    tickerBase: "Shares only when the loans accrue their own interest (PIK) to completion",
    permittedLeakage: "Priced in: not refunded",
    escrow: "Held back against a true-up owed by the seller; empty = 0",
    loansDate: "The date the balances in the positions table are stated at",
    carryingAmount: "Book value of everything the seller holds before the sale",
    "flows.amount": "Negative when paid, positive when received; the buyer's entry is added",
    "comps.basis": "Per-unit multiples count only the comps on the target's basis",
    "notes.field": "The input's key, e.g. enterpriseValue",
  },
  section: {
    company: "Company",
    valuation: "Valuation",
    deal: "Deal",
    capTableBeforeDeal: "Cap table before the deal",
    output: "Sheet options",
    round: "Round",
    capTable: "Cap table before the round (fully diluted, with the unissued pool)",
    investors: "New money",
    instruments: "SAFEs and convertible notes",
    exit: "Exit",
    classes: "Share classes",
    holdings: "Who holds the classes (optional: adds the payout per holder; with what each paid, its multiple)",
    dealPrice: "Deal and price",
    priceMechanism: "Price mechanism at completion",
    loans: "Shareholder loans",
    positions: "Positions before the sale (shares, loans, and what each sells)",
    funding: "Buyer's funding and seller's book value",
    flows: "Dated flows per holder (all its instruments: one IRR each)",
    valueBridge: "Value creation bridge",
    comps: "Comparable deals",
    notes: "Notes beside the inputs (sources)",
  },
};

export type Messages = typeof en;

const fr: Messages = {
  appTitle: "CapTable",
  tabModel: "Modèle",
  modeExcel: "Excel",
  modePreview: "Aperçu",
  previewBanner:
    "Excel n’a pas été détecté : ceci est un aperçu. Générer affiche la feuille du modèle ci-dessous au lieu de l’écrire dans un classeur ; les modèles ne sont conservés que dans cette page.",
  loading: "Chargement…",
  connecting: "Connexion à Excel…",
  connectingSlow: "Connexion à Excel toujours en cours… Si cela dure, fermez le volet et rouvrez-le.",
  language: "Langue",

  loadExample_stakeSale: "Charger l’exemple OpCore",
  newModel: "Nouveau modèle",
  exampleLoaded_stakeSale:
    "Exemple OpCore chargé : Iliad cède 50 % d’OpCore à InfraVia pour une VE de 860 M EUR. La dette nette et les comptes courants d’associés sont indicatifs : remplacez-les.",

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

  pasteSelectionHint: "Sélectionnez deux colonnes dans la feuille (actionnaire, actions), puis cliquez ici.",
  pasteCancel: "Annuler",
  pasteDoneHolders: (n: number) => `${n} actionnaire${n === 1 ? "" : "s"} collé${n === 1 ? "" : "s"}.`,

  build: "Générer",
  rebuild: "Régénérer",
  buildAsNew: "Générer comme nouveau modèle",
  building: "Génération…",
  buildBlocked: (count: number, first: string) => `Génération impossible : ${count} champ${count === 1 ? "" : "s"} à corriger. ${first}`,
  buildTodo: (count: number) => `Remplissez le formulaire pour générer : ${count} champ${count === 1 ? "" : "s"} encore à remplir.`,
  buildOk: (sheet: string) => `Modèle écrit dans la feuille « ${sheet} ».`,
  buildOkPreview: (sheet: string) => `Modèle « ${sheet} » généré. Aperçu ci-dessous.`,
  buildFailed: (reason: string) => `Le modèle n’a pas pu être généré : ${reason}`,
  writeFailed: (reason: string) => `La feuille n’a pas pu être écrite ; le classeur est resté inchangé. ${reason}`,
  writeFailedNotUndone: (reason: string) =>
    `La feuille n’a pas pu être écrite et l’annulation de l’écriture partielle a échoué : vérifiez les feuilles du classeur. ${reason}`,

  required: (field: string) => `${cap(field)} ${PLURAL_LABELS.has(String(field).toLowerCase()) ? "sont obligatoires" : "est obligatoire"}`,
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

  ocf: {
    title: "Importer une table de capitalisation (Open Cap Format)",
    intro:
      "Lit un paquet Open Cap Format (.ocf.zip) exporté de Carta, Pulley ou d’un autre outil de gestion de la table : chaque objet est listé, lu, lu sans effet ou ignoré avec la raison.",
    pick: "Importer un paquet OCF",
    fileLabel: "Paquet OCF (.ocf.zip)",
    requireMd5: "Refuser un paquet dont les sommes md5 ne correspondent pas à son manifeste",
    reading: "Lecture du paquet…",
    failed: (file: string) => `${file} n’a pas pu être importé ; rien n’a été modifié.`,
    tooBig: (limit: number) => `Le fichier dépasse les ${limit} octets qu’un paquet peut faire.`,
    readerMessage: "Raison (telle que le lecteur OCF la donne, en anglais) :",
    summary: (issuer: string, version: string, asOf: string) => `${issuer} : paquet OCF ${version} au ${asOf}.`,
    counts: (applied: number, noEffect: number, skipped: number) =>
      `${applied} objet(s) lu(s) dans l’historique, ${noEffect} lu(s) sans effet sur les détentions, ${skipped} ignoré(s).`,
    appliedTitle: "Lus dans l’historique",
    noEffectTitle: "Lus sans effet sur les détentions",
    skippedTitle: "Ignorés",
    warningsTitle: "Avertissements",
    otherWarningsTitle: "Autres avertissements (tels que le lecteur OCF les donne, en anglais)",
    md5Mismatch: (file: string, actual: string, expected: string) =>
      `${file} : son md5 est ${actual}, le manifeste indique ${expected}. Le fichier a quand même été lu (cochez la case ci-dessus pour refuser un tel paquet).`,
    noEffectReason: {
      TX_STOCK_ACCEPTANCE: "une acceptation constate que le porteur a accepté ; les détentions ne changent pas",
      TX_EQUITY_COMPENSATION_ACCEPTANCE: "une acceptation constate que le porteur a accepté ; les détentions ne changent pas",
      TX_WARRANT_ACCEPTANCE: "une acceptation constate que le porteur a accepté ; les détentions ne changent pas",
      TX_CONVERTIBLE_ACCEPTANCE: "une acceptation constate que le porteur a accepté ; les détentions ne changent pas",
      TX_VESTING_EVENT:
        "une condition d’acquisition liée à un événement est remplie ; les quantités acquises viennent du calendrier et des accélérations",
      TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT: "le nombre d’actions autorisées de la société ne change pas les détentions",
      STOCK_LEGEND_TEMPLATE: "les mentions légales sont du texte de document",
      VALUATION: "une évaluation 409A est une juste valeur, pas une opération",
      FINANCING: "un financement regroupe des émissions ; les émissions elles-mêmes sont lues",
      DOCUMENT: "les documents ne sont pas des données de la table",
      TX_VESTING_START: "un début d’acquisition date le calendrier de l’attribution (lu dans son calendrier)",
    },
    skipReason: {
      unexpectedType: (type: string) => `le type d’objet ${type} n’est pas attendu dans ce fichier`,
      laterQuantity: () => "un BSA dont le nombre d’actions sera fixé plus tard (il dépend d’un prix futur) n’est pas compté dans la table",
      unknownTransaction: (type: string) => `le type d’opération ${type} n’est pas connu de ce lecteur (les types d’opération d’OCF 1.2.0 sont lus)`,
    },
    inconsistent:
      "Les opérations de ce paquet ne forment pas une table de capitalisation : le rapport ci-dessus liste ce qui a été lu ; aucune table n’en est construite.",
    asOf: "Table de capitalisation au",
    asOfBad: "Saisissez une date écrite AAAA-MM-JJ.",
    target:
      "La table à la date remplit celle du tour valorisé : porteurs et actions entièrement diluées (actions converties en ordinaires, options et BSA en circulation acquis ou non, pool disponible de chaque plan), et ses SAFE et obligations convertibles. Vous saisissez ensuite la valorisation pré-money et l’argent frais.",
    build: "Remplir le tour valorisé avec cette table",
    loaded: (issuer: string, asOf: string) =>
      `Table de ${issuer} au ${asOf} chargée dans le tour valorisé. Saisissez la valorisation pré-money et l’argent frais, puis Construire.`,
    buildFailed: (reason: string) => `La table n’a pas pu être reprise dans le tour valorisé ; le formulaire n’a pas changé. ${reason}`,
    tooManyRows: (rows: number, max: number) => `La table compte ${rows} lignes ; le tour valorisé en accepte au plus ${max}.`,
    tooManyInstruments: (count: number, max: number) =>
      `Le paquet compte ${count} SAFE et obligations en circulation ; le tour valorisé en accepte au plus ${max}.`,
    notePoolNone: (row: string) =>
      `Aucun plan n’a d’actions disponibles à la date : une ligne « ${row} » de 0 action est ajoutée (le tour valorisé nomme sa ligne de pool).`,
    notePoolMerged: (count: number, row: string) =>
      `${count} plans ont des actions disponibles : leurs pools disponibles sont additionnés sur une ligne « ${row} ».`,
    noteCurrency: (found: string) =>
      found === ""
        ? "Le paquet ne nomme aucune devise : saisissez la devise du modèle."
        : `Le paquet nomme plusieurs devises (${found}) : saisissez la devise du modèle.`,
    noteInterestBaked: (holder: string, date: string) =>
      `L’obligation de ${holder} a plusieurs taux d’intérêt : elle convertit son nominal plus les intérêts courus au ${date}, saisis en un seul montant.`,
    noteInterestDate: (holder: string, date: string) =>
      `L’obligation de ${holder} court les intérêts jusqu’au ${date} (la date de la table) : mettez sa date de conversion à la date du tour.`,
    noteSafeTiming: (holder: string) => `Le SAFE de ${holder} ne dit pas si son plafond est pré- ou post-money : lu comme un SAFE pré-money.`,
    noteNoTerms: (holder: string, type: string) =>
      `Le ${type} de ${holder} n’a pas de conditions de conversion : il convertit au prix du tour, comme un SAFE pré-money.`,
    poolRow: "Pool d’options",
    poolsRow: "Pools d’options (disponibles)",
  },

  previewTitle: "Aperçu",
  previewNote: "Aperçu de la feuille que Générer écrit dans Excel : les formules affichent les valeurs calculées par le moteur.",
  previewFormula: (formula: string) => `Formule : ${formula}`,
  previewNames: "Entrées nommées",
  columnNotesTitle: "Ce que signifient les colonnes calculées",

  // The model sheet as the workspace (SheetSync.tsx; issues 11 and 13).
  buildNewSheet: (sheet: string, recorded: string, reason: "noMarker" | "sheetDeleted") =>
    reason === "noMarker"
      ? `Modèle écrit dans une nouvelle feuille « ${sheet} ». Rien ne prouve que la feuille « ${recorded} » est celle de ce modèle (le classeur n'a pas de marqueur CapTable pour elle, comme les classeurs d'une ancienne ligne de commande) : aucune feuille n'a été remplacée. Supprimez l'ancienne vous-même si elle ne sert plus.`
      : `Modèle écrit dans une nouvelle feuille « ${sheet} » : sa feuille « ${recorded} » a été supprimée.`,
  sheetRead: "Lire la feuille",
  sheetReading: "Lecture de la feuille…",
  sheetSame: (sheet: string) => `La feuille « ${sheet} » contient les mêmes entrées que le modèle.`,
  sheetDiffers: (sheet: string, count: number) =>
    `La feuille « ${sheet} » diffère du modèle pour ${count} valeur${count === 1 ? "" : "s"}. Choisissez lesquelles garder avant de régénérer.`,
  sheetField: "Champ",
  sheetModelValue: "Modèle",
  sheetSheetValue: "Feuille",
  sheetNone: "(aucune)",
  sheetUse: "Utiliser les valeurs de la feuille",
  sheetKeep: "Garder les valeurs du modèle",
  sheetUsed: (sheet: string) =>
    `Les valeurs de la feuille « ${sheet} » sont dans le formulaire : cliquez sur Régénérer pour recalculer la feuille avec elles.`,
  sheetInvalid: (sheet: string) => `Les valeurs de la feuille « ${sheet} » ne peuvent pas être utilisées telles quelles :`,
  sheetNotFound: "Aucune feuille de ce classeur n'est de façon sûre celle de ce modèle (pas de marqueur CapTable) : rien n'a été lu.",
  sheetReadFailed: (reason: string) => `La feuille n'a pas pu être lue : ${reason}`,
  sheetRowsNote: "Les lignes ajoutées sous un tableau ne sont pas lues : ajoutez-les dans le volet, ou insérez des lignes à l'intérieur du tableau.",

  kindLabel: "Type de modèle",
  kind_stakeSale: "Cession de participation (VE vers capitaux propres)",
  kind_pricedRound: "Tour de financement (SAFE, convertibles, pool d’options)",
  kind_exitWaterfall: "Répartition du prix de sortie (waterfall)",
  subtitle_stakeSale: "Modèle de cession de participation",
  subtitle_pricedRound: "Modèle de tour de financement",
  subtitle_exitWaterfall: "Modèle de répartition à la sortie",
  loadExample_pricedRound: "Charger l’exemple SAFE de YC",
  loadExample_exitWaterfall: "Charger un exemple de sortie",
  exampleLoaded_pricedRound:
    "Exemple 1 du guide YC des SAFE post-money chargé : deux SAFE se convertissent dans une série A de 5 M$ sur 15 M$ pré-money, avec 1 695 000 actions nouvelles au pool.",
  exampleLoaded_exitWaterfall:
    "Exemple de sortie chargé : une série B prioritaire sur une série A et un Seed (pari passu), des ordinaires et des options, avec des porteurs fictifs. Remplacez-les par vos catégories.",
  add_holdings: "Ajouter une détention",
  instrumentsEmpty: "Aucun SAFE ni obligation convertible ne se convertit dans ce tour.",
  spreadExitValues: "Répartir autour de la valeur de sortie (0,25x à 3x)",
  add_capTable: "Ajouter un actionnaire",
  add_investors: "Ajouter un investisseur",
  add_instruments: "Ajouter un SAFE ou une obligation",
  add_classes: "Ajouter une catégorie",
  // Prix et rendements d’une cession (issue 16)
  kind_dealPricing: "Prix et rendements d’une cession",
  subtitle_dealPricing: "Modèle de prix et de rendements",
  loadExample_dealPricing: "Charger l’exemple OpCore",
  exampleLoaded_dealPricing:
    "Cession OpCore chargée : Iliad cède 50 % à InfraVia sur une VE de 860 M€ et constate une plus-value de 466 M€. Les faits publics portent leur source ; les autres chiffres sont illustratifs.",
  add_positions: "Ajouter un porteur",
  add_flows: "Ajouter un flux",
  add_comps: "Ajouter un comparable",
  add_notes: "Ajouter une note",
  remove: (n: number) => `Supprimer la ligne ${n}`,
  removeColumn: "Supprimer",
  cell: (label: string, n: number) => `${label}, ligne ${n}`,
  pasteRows: "Coller des lignes",
  pasteSelection: "Coller depuis la sélection",
  pasteRowsLabel: (columns: string) => `Lignes à coller, colonnes séparées par une tabulation : ${columns}`,
  pasteApply: "Remplacer les lignes",
  pasteDone: (n: number) => `${n} ligne${n === 1 ? "" : "s"} collée${n === 1 ? "" : "s"}.`,
  pasteNothing: "Rien à coller : le bloc n’a aucune ligne sous son en-tête.",
  pasteRejected: (lines: number) =>
    `Rien n’a été collé : ${lines} ligne${lines === 1 ? " n’a" : "s n’ont"} pas pu être lue${lines === 1 ? "" : "s"}, et la table est inchangée. Corrigez-${lines === 1 ? "la" : "les"} et collez à nouveau.`,
  pasteHeaderSkipped: (line: number) => `La ligne ${line} a été lue comme un en-tête et ignorée.`,
  pasteLine: (line: number, column: string | undefined, reason: string) => `Ligne ${line}${column === undefined ? "" : `, ${column}`} : ${reason}`,
  pasteRequired: "vide ; un nom est obligatoire",
  pasteNotANumber: (text: string) => `« ${text} » n’est pas un nombre`,
  pasteNotAPercent: (text: string) => `« ${text} » n’est pas un pourcentage`,
  pasteUnknownWord: (text: string, accepted: string) => `« ${text} » n’est pas l’une des valeurs ${accepted}`,
  pasteTooMany: (max: number) => `au-delà de la limite de ${max} lignes de la table`,
  unknownWord: (field: string, text: string, accepted: string) => `${field} : « ${text} » n’est pas l’une des valeurs ${accepted}`,
  pasteFailed: (reason: string) => `La sélection n’a pas pu être lue : ${reason}`,
  listNotANumber: (field: string, text: string) => `${field} : « ${text} » n’est pas un nombre (une valeur par ligne, ou séparées par ;)`,

  label: {
    company: "Société",
    currency: "Devise",
    unit: "Montants en",
    basis: "La valorisation affichée est",
    valuation: "Valorisation affichée (100 %)",
    netDebt: "Dette nette",
    shareholderLoans: "Comptes courants d’associés",
    otherClaims: "Autres engagements",
    stake: "Participation (%)",
    premium: "Prime de contrôle / décote de minorité (%)",
    capacity: "Capacité",
    capacityUnit: "Unité de capacité",
    transaction: "Opération",
    seller: "Cédant",
    buyer: "Acquéreur",
    primaryInvestment: "Investissement primaire",
    rounding: "Arrondi des actions",
    formulas: "Écrire des formules =CAPTABLE.* au lieu de formules Excel natives",
    preMoney: "Valorisation pré-money",
    optionPool: "Ligne du pool d’options",
    poolMode: "Complément du pool d’options",
    poolTarget: "Pool cible (post-money, entièrement dilué)",
    poolIncrease: "Actions ajoutées au pool",
    exitValue: "Valeur d’entreprise de sortie",
    "exitWaterfall.netDebt": "Dette nette à la sortie",
    transactionCosts: "Frais de transaction",
    exitValues: "Valeurs de sortie de la sensibilité",
    "capTable.holder": "Actionnaire",
    "capTable.shares": "Actions",
    "investors.name": "Investisseur",
    "investors.amount": "Investissement",
    "instruments.holder": "Porteur",
    "instruments.type": "Type",
    "instruments.amount": "Montant (principal)",
    "instruments.cap": "Plafond de valorisation",
    "instruments.discount": "Décote",
    "instruments.mfn": "MFN (clause de la nation la plus favorisée)",
    "instruments.rate": "Taux d’intérêt (annuel)",
    "instruments.startDate": "Intérêts depuis le",
    "instruments.conversionDate": "Conversion le",
    "instruments.dayCount": "Base de calcul",
    "instruments.compounding": "Capitalisation",
    "instruments.capBasis": "Base du plafond (diviseur du plafond)",
    "classes.name": "Catégorie",
    "classes.shares": "Actions",
    "classes.invested": "Montant investi",
    "classes.preference": "Préférence",
    "classes.seniority": "Rang",
    "classes.participation": "Participation",
    "classes.cap": "Plafond de participation",
    "classes.conversionRatio": "Ratio de conversion",
    "classes.strike": "Prix d’exercice (options, BSA)",
    "holdings.holder": "Porteur",
    "holdings.className": "Catégorie",
    "holdings.shares": "Actions",
    "holdings.invested": "Investi (coût)",
    enterpriseValue: "Valeur d’entreprise (100 %)",
    capacityBasis: "Base de capacité (ce qu’elle compte)",
    mechanism: "Mécanisme de prix",
    completionDate: "Date de réalisation",
    debtLike: "Éléments assimilés à de la dette",
    boxDate: "Date du locked box",
    netDebtAtBox: "Dette nette à la date du locked box",
    tickerRate: "Taux du ticker (annuel)",
    tickerBase: "Le ticker court sur",
    leakage: "Fuites de valeur depuis le locked box",
    permittedLeakage: "Fuites de valeur autorisées",
    targetWorkingCapital: "BFR cible",
    estimatedNetDebt: "Dette nette estimée",
    estimatedWorkingCapital: "BFR estimé",
    finalNetDebt: "Dette nette définitive",
    finalWorkingCapital: "BFR définitif",
    escrow: "Séquestre",
    loansDate: "Soldes des prêts au",
    pikRate: "Taux PIK (annuel)",
    pikCompounding: "Capitalisation PIK",
    acquisitionDebt: "Dette d’acquisition",
    fees: "Frais de transaction",
    carryingAmount: "Valeur comptable du cédant (toute sa participation)",
    disposalCosts: "Frais de cession du cédant",
    remeasureRetained: "Réévaluer la part conservée au prix de la cession (perte de contrôle)",
    entryEbitda: "EBITDA à l’entrée",
    exitEbitda: "EBITDA à la sortie",
    exitMultiple: "VE / EBITDA à la sortie",
    exitNetDebt: "Dette nette à la sortie",
    cashReturned: "Trésorerie distribuée pendant la détention",
    crossTerm: "Terme croisé du pont de valeur",
    "positions.holder": "Porteur",
    "positions.shares": "Actions",
    "positions.loans": "Prêts (solde)",
    "positions.sharesSold": "Actions cédées",
    "positions.loansSold": "Prêts cédés (solde)",
    "flows.holder": "Porteur",
    "flows.instrument": "Instrument",
    "flows.date": "Date",
    "flows.amount": "Montant",
    "comps.name": "Transaction",
    "comps.ev": "VE",
    "comps.ebitda": "EBITDA",
    "comps.capacity": "Capacité",
    "comps.basis": "Base de capacité",
    "notes.field": "Champ",
    "notes.note": "Note (source, ou pourquoi illustratif)",
  },
  hint: {
    "stakeSale.currency": "Code à trois lettres, par ex. EUR",
    netDebt: "Dette financière externe moins la trésorerie, hors comptes courants d’associés",
    otherClaims: "Minoritaires, retraites et autres éléments assimilés à de la dette ; vide = 0",
    capacity: "Pour la valeur par unité ; laisser vide si aucune",
    premium: "Positive pour une prime, négative pour une décote ; vide = 0",
    stake_secondary: "Part des capitaux propres cédée, par ex. 50",
    stake_primary: "Part de l’acquéreur après l’émission, par ex. 20",
    stake_both: "Part des capitaux propres achetée au cédant, par ex. 50",
    primaryInvestment: "Argent frais de l’acquéreur, au même prix par action",
    formulas: "Les formules natives se calculent sur tout poste, avec ou sans le complément.",
    currency: "Code à trois lettres, par ex. USD",
    preMoney: "Inclut le complément du pool et les BSA-AIR et obligations convertibles qui se convertissent",
    optionPool: "La ligne de la table qui est le pool d’options non attribuées",
    poolTarget: "Pool non attribué après le tour, par ex. 10",
    poolIncrease: "Un nombre fixe d’actions nouvelles du pool",
    exitValues: "Une par ligne (ou séparées par ;). Chacune donne une ligne de la sensibilité et une colonne du graphique.",
    "exitWaterfall.netDebt": "Remboursée avant les actionnaires ; vide = 0",
    transactionCosts: "Vide = 0",
    "exitWaterfall.otherClaims": "Avant les actionnaires ; vide = 0",
    "instruments.cap": "Post-money pour un SAFE post-money, pré-money sinon ; vide = aucun",
    "instruments.discount": "Sur le prix du tour, par ex. 20 ; vide = aucune",
    "instruments.rate": "Vide si le montant inclut déjà les intérêts",
    "classes.preference": "Multiple du montant investi (1 = 1x) ; 0 pour les ordinaires",
    "classes.seniority": "1 est payé en premier ; rangs égaux = pari passu",
    "classes.cap": "Plafond du rendement total, multiple du montant investi",
    "classes.strike": "Par action ; vide pour des actions",
    "dealPricing.debtLike": "En plus de la dette nette (provisions, investissements différés) ; vide = 0",
    netDebtAtBox: "Au bilan du locked box, hors prêts d’actionnaires",
    tickerRate: "Simple, exact/365, du locked box à la réalisation ; vide = 0",
    tickerBase: "Actions seules quand les prêts portent leurs propres intérêts (PIK) jusqu’à la réalisation",
    permittedLeakage: "Déjà dans le prix : non remboursée",
    escrow: "Retenu contre un ajustement dû par le cédant ; vide = 0",
    loansDate: "La date des soldes de la table des positions",
    carryingAmount: "Valeur comptable de tout ce que le cédant détient avant la cession",
    "flows.amount": "Négatif quand payé, positif quand reçu ; l’entrée de l’acquéreur est ajoutée",
    "comps.basis": "Les multiples par unité ne comptent que les comparables sur la base de la cible",
    "notes.field": "La clé du champ, par ex. enterpriseValue",
  },
  section: {
    company: "Société",
    valuation: "Valorisation",
    deal: "Opération",
    capTableBeforeDeal: "Table de capitalisation avant l’opération",
    output: "Options de la feuille",
    round: "Tour",
    capTable: "Table de capitalisation avant le tour (entièrement diluée, pool non attribué compris)",
    investors: "Argent frais",
    instruments: "SAFE et obligations convertibles",
    exit: "Sortie",
    classes: "Catégories d’actions",
    holdings: "Qui détient les catégories (facultatif : ajoute la répartition par porteur ; avec ce que chacun a payé, son multiple)",
    dealPrice: "Cession et prix",
    priceMechanism: "Mécanisme de prix à la réalisation",
    loans: "Prêts d’actionnaires",
    positions: "Positions avant la cession (actions, prêts, et ce que chacun cède)",
    funding: "Financement de l’acquéreur et valeur comptable du cédant",
    flows: "Flux datés par porteur (tous ses instruments : un TRI chacun)",
    valueBridge: "Pont de création de valeur",
    comps: "Transactions comparables",
    notes: "Notes à côté des champs (sources)",
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

/** A field's or column's label in a form of this kind (its kind's own label first: "exitWaterfall.netDebt"). */
export function labelOf(t: Messages, kind: string, key: string): string {
  const labels: Readonly<Record<string, string>> = t.label;
  return labels[`${kind}.${key}`] ?? labels[key] ?? key;
}

/** A field's or column's hint in a form of this kind, if it has one (the dictionary key may depend on the form: "stake_primary"). */
export function hintOf(t: Messages, kind: string, key: string): string | undefined {
  const hints: Readonly<Record<string, string>> = t.hint;
  return hints[`${kind}.${key}`] ?? hints[key];
}

/** Kept here for their importers; they live in messagesFr.ts. */
export { FIELD_LABELS, stakeSaleWarningMessage } from "./messagesFr";

/**
 * The model schemas' rule messages in the UI language: each issue carries its rule's id and
 * parameters (the catalogue, src/model/ruleMessages.ts), and French has one message per id
 * (src/locales/ruleMessagesFr.ts), checked by the compiler. No English text is translated after the fact.
 */
export { ruleMessage } from "../locales/ruleMessagesFr";
export { engineMessage } from "../locales/engineMessagesFr";

/**
 * A message shown on its own, as a sentence: its first letter a capital ("Stake must be between 0%
 * and 100%"). The catalogue's English rules are clauses the command line also prints after "Error:".
 */
export function asSentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The labels and field names (lower case) that are plurals, for the verb's agreement in "… are required" / "… sont obligatoires". */
const PLURAL_LABELS: ReadonlySet<string> = new Set([
  "shareholder loans",
  "other claims",
  "shares",
  "formulas",
  "transaction costs",
  "exit values of the sensitivity",
  "prêts d’actionnaires",
  "autres engagements",
  "actions",
  "formules",
  "frais de transaction",
  "valeurs de sortie de la sensibilité",
]);

function cap(text: string): string {
  const s = String(text);
  return s.charAt(0).toUpperCase() + s.slice(1);
}
