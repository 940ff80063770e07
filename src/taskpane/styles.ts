/** The styles the taskpane's panels and forms share: a section card, a grid of fields, a table's compact grid. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useFormStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
  },
  fields: {
    display: "grid",
    // Two fields a row in a 350-px taskpane, more in a wider window.
    gridTemplateColumns: "repeat(auto-fill, minmax(136px, 1fr))",
    // A field next to a taller one (with a hint) keeps its own height.
    alignItems: "start",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  tableBlock: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  // A table's rows as a compact grid that scrolls sideways in its own box (the pane stays 350 px wide).
  gridScroll: {
    // Positioned: the visually hidden texts inside are placed (and clipped) in this box, not in the page.
    position: "relative",
    overflowX: "auto",
    maxWidth: "100%",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  gridTable: { tableLayout: "fixed", borderCollapse: "separate", borderSpacing: 0 },
  th: {
    textAlign: "left",
    verticalAlign: "bottom",
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  td: { padding: `2px ${tokens.spacingHorizontalXXS}`, verticalAlign: "middle", backgroundColor: tokens.colorNeutralBackground1 },
  // The first column (the row's name) stays in view while the grid scrolls.
  sticky: { position: "sticky", left: 0, zIndex: 1, boxShadow: `1px 0 0 ${tokens.colorNeutralStroke2}` },
  unit: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
  na: { display: "block", textAlign: "center", color: tokens.colorNeutralForeground3 },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  notes: { margin: 0, display: "flex", flexDirection: "column", gap: "2px", fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  note: { display: "block" },
  noteTerm: { display: "inline", fontWeight: tokens.fontWeightSemibold, "::after": { content: '": "' } },
  noteText: { display: "inline", margin: 0, color: tokens.colorNeutralForeground2 },
  messages: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  cell: { minWidth: 0 },
  control: { width: "100%", minWidth: 0 },
  number: { textAlign: "right" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
});
