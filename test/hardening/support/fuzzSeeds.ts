/**
 * Valid calls of the custom functions, by ID: the starting points of the mutation fuzzer, so that
 * it reaches the engine behind the readers (random ranges rarely form a valid cap table or a
 * waterfall's classes table). Every seed must succeed as written (the fuzz test checks it).
 * A function without seeds is still fuzzed with generated arguments.
 */
const NET_DEBT = 212437519.36;
const LOANS = 148250000;
const CAP_HOLDERS = [["Iliad"], ["InfraVia"], ["Management"]];
const CAP_SHARES = [[600], [300], [100]];
const CLASSES = [
  ["Class", "Shares", "Invested", "Preference", "Seniority", "Participation", "Cap", "Conversion ratio", "Strike"],
  ["Series B", 2000000, 10000000, 1, 1, "NONE", "", 1, ""],
  ["Series A", 3000000, 4000000, 1, 2, "CAPPED", 3, 1, ""],
  ["Common", 8000000, "", "", "", "", "", "", ""],
  ["Options", 1000000, "", "", "", "", "", "", 0.5],
];

export const FUZZ_SEEDS: Record<string, unknown[][]> = {
  EQUITYVALUE: [
    [860e6, NET_DEBT, null],
    [100, 120, 5],
  ],
  ENTERPRISEVALUE: [
    [647562480.64, NET_DEBT, null],
    [0.1, 0.2, -0.05],
  ],
  STAKEVALUE: [
    [0.5, 860e6, "EV", NET_DEBT, LOANS, null, null, null],
    [0.5, 860e6, "VE", NET_DEBT, LOANS, 10e6, 0.15, "COMPTES COURANTS"],
    [1, 600, null, null, null, null, -0.2, "SHARES"],
  ],
  IMPLIEDVALUE: [
    [323781240.32, 0.5, "EV", NET_DEBT, null, null],
    [100, 0.25, "CAPITAUX PROPRES", null, null, 0.1],
    [100, 0.25, "VE", 10, 5, 0.1],
  ],
  DEALVIEW: [
    [0.5, 860e6, "EV", NET_DEBT, LOANS, null, null, 131],
    [0, 600, null, 0, null, null, 0.2, 10],
  ],
  OWNERSHIP: [
    [[[3], [1]]],
    [
      [
        [1, 2],
        ["", 3],
      ],
    ],
  ],
  PRIMARYSHARES: [
    [0.2, 1000, null],
    [0.3, 1000, "PROCHE"],
  ],
  POSTMONEY: [[8e6, 2e6]],
  PRICEPERSHARE: [[8e6, 1e7]],
  SECONDARY: [
    [CAP_HOLDERS, CAP_SHARES, "Iliad", "InfraVia", 100],
    [[["Iliad"]], [[100]], "Iliad", "Fund", 50],
  ],
  PRIMARY: [
    [CAP_HOLDERS, CAP_SHARES, "Fund", 500, 1000, null],
    [CAP_HOLDERS, CAP_SHARES, "InfraVia", 333, 1000, "NONE"],
  ],
  EVPERUNIT: [[860e6, 131]],
  IMPLIEDEV: [[50, 12.5]],
  PRICEDROUND: [
    [[["Founders"], ["ESOP"]], [[8000000], [1000000]], 20e6, [["Fund A", 5e6]], 0.1, null, null, "ESOP", null],
    [
      [["Founders"], ["Angel"], ["Pool"]],
      [[7000000], [500000], [500000]],
      24e6,
      [
        ["Investor", "Amount"],
        ["Fund A", 4e6],
        ["Fund B", 1e6],
      ],
      null,
      [
        ["Holder", "Type", "Amount", "Cap", "Discount", "MFN"],
        ["SAFE holder", "SAFE", 500000, 10e6, 0.2, ""],
        ["Noteholder", "NOTE", 250000, "", 0.15, ""],
      ],
      "NEAREST",
      null,
      100000,
    ],
  ],
  SAFE: [
    [500000, 10e6, 0.2, 2, 9e6, "POST", null],
    [250000, "", 0.2, 1.5, null, null, "NONE"],
  ],
  CONVERTNOTE: [
    [250000, 0.08, 45000, 45730, 2, 8e6, 0.2, 8e6, "ACT/365", "SIMPLE", null],
    [100000, 0.06, 45000, 45365, 1.2, null, 0.1, null, "30/360", "ANNUAL", "UP"],
  ],
  ANTIDILUTION: [
    [
      [
        ["Class", "Shares", "Original issue price", "Conversion price"],
        ["Common", 8000000, "", ""],
        ["Series A", 2000000, 1.5, 1.5],
      ],
      1,
      1000000,
      "BROAD",
      null,
    ],
    [
      [
        ["Class", "Shares", "Original issue price", "Conversion price"],
        ["Common", 8000000, "", ""],
        ["Series A", 2000000, 1.5, 1.5],
      ],
      0.75,
      500000,
      "RATCHET",
      null,
    ],
  ],
  WATERFALL: [
    [CLASSES, [[50e6]], null, null, null, null],
    [
      CLASSES,
      [[5e6], [20e6], [100e6]],
      2e6,
      1e6,
      [
        ["Holder", "Class", "Shares"],
        ["Fund B", "Series B", 2000000],
        ["Founder", "Common", 8000000],
      ],
      0,
    ],
  ],
  BREAKPOINTS: [
    [CLASSES, null, null, null],
    [CLASSES, 2e6, 1e6, 0.5e6],
  ],
  FDSHARES: [
    [1e6, [[1000], [2000]], [[1], [5]], 3, "TSM"],
    [1e6, [[1000, 2000]], [[1, 5]], 3, "ALL"],
  ],
  EXITFORTARGET: [
    [CLASSES, "Series A", 2, null, null, null, null, null, null],
    [
      CLASSES,
      "Founder",
      5e6,
      "PAYOUT",
      [
        ["Holder", "Class", "Shares"],
        ["Founder", "Common", 8000000],
      ],
      2e6,
      1e6,
      0.5e6,
      null,
    ],
  ],
  VCMETHOD: [
    [100e6, 10, 2e6, null],
    [50e6, 5, 1e6, 0.7],
  ],
  TENDER: [
    [[["Founders"], ["Angel"]], [[8e6], [1e6]], [["Founders"]], [[100000]], "Fund", 2.5, 2],
    [CAP_HOLDERS, CAP_SHARES, [["Iliad"], ["Management"]], [[50], [10]], "InfraVia", 1000, null],
  ],
  DEALIRR: [[[[-10000], [2750], [4250], [3250], [2750]], [[39448], [39508], [39751], [39859], [39904]], null]],
  DEALRETURNS: [[[[-100], [5], [5], [130]], [[43831], [44196], [44561], [44926]], 0.1]],
  PRICESPLIT: [
    [
      // An equity price far above the loans, so the call stays valid when its rows are grown (big ranges).
      1_000_000_000,
      [
        ["Holder", "Shares", "Loans", "Shares sold", "Loans sold"],
        ["A", 50, 150, 50, 150],
        ["B", 50, 50, 25, 25],
      ],
    ],
  ],
  SOURCESUSES: [
    [
      [
        ["Use", "Amount"],
        ["Purchase of equity", 600],
        ["Fees", 30],
      ],
      [
        ["Source", "Amount"],
        ["Senior debt", 500],
      ],
      "Sponsor equity",
    ],
  ],
  COMPSTATS: [
    [
      [
        ["Deal", "EV", "EBITDA", "MW", "Basis"],
        ["OpCore", 860, null, 131, "incl. development"],
        ["UltraEdge", 764, 26, 45, "installed"],
        ["Deal D", 1000, 40, 100, "installed"],
      ],
      "EV/MW",
      "installed",
      65.5,
    ],
  ],
  IRRGRID: [[[[800], [860]], [[18, 20]], 200, 50, 150, 45748, 47574, null, null]],
  PREFACCRUED: [[100, 0.1, 45748, 47574, "QUARTERLY", "30/360"]],
  RATCHET: [
    [
      350,
      0.2,
      [
        ["IRR", "Multiple", "Management share"],
        [0.25, null, 0.5],
        [null, 4, 0.6],
      ],
      "EXCESS",
      80,
      45658,
      47118,
    ],
    [
      500,
      0.1,
      [
        ["Exit equity", "Share"],
        [200, 0.15],
        [400, 0.2],
      ],
      "TOTAL",
      null,
      null,
      null,
    ],
  ],
  // Date first: the big-range test renames a text first cell on each copied row, which would make every copy a holder with one flow.
  HOLDERRETURNS: [
    [
      [
        ["Date", "Holder", "Instrument", "Amount"],
        [45748, "Fund", "Shares", -100],
        [46113, "Fund", "Loan", 10],
        [46113, "Fund", "Shares", 100],
        [45748, "Management", "Sweet equity", -2],
        [47574, "Management", "Sweet equity", 9],
      ],
      null,
    ],
  ],
};

/**
 * Functions whose first seed, grown by copying its rows, is invalid by design: a copied row repeats a
 * value that must rise row by row (a ratchet's tiers). The big-range test then asks for the contract
 * (an error with its message, within the bound) instead of a result.
 */
export const GROWN_ROWS_INVALID: Readonly<Record<string, string>> = {
  RATCHET: "the tiers' hurdles must rise from one row to the next; a copied tier repeats its hurdle",
};
