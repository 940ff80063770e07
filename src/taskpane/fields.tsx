/**
 * The form's controls on Fluent UI's Field, one per kind of cell (FormView.tsx picks them by the
 * cell's kind): a visible label, an optional hint, the error (or a warning) next to the field, linked
 * to the control by Fluent for screen readers, and stable data-testids on the control ("field-<name>")
 * and on its message ("error-<name>", "warning-<name>").
 */
import * as React from "react";
import { asSentence } from "./i18n";
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Select, Textarea, makeStyles, tokens, type FieldProps } from "@fluentui/react-components";

const useStyles = makeStyles({
  // Fields sit in grid cells: let them shrink with the taskpane instead of overflowing.
  field: { minWidth: 0 },
  // A field across the whole grid row (radio buttons, a list).
  wide: { gridColumn: "1 / -1", minWidth: 0 },
  control: { width: "100%", minWidth: 0 },
  list: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXS },
});

/** The message under a field: its error, else its warning (allowed but looks wrong, never blocking), with a stable data-testid. */
export function fieldMessage(name: string, error?: string, warning?: string): Pick<FieldProps, "validationState" | "validationMessage"> {
  if (error !== undefined)
    return { validationState: "error", validationMessage: { children: asSentence(error), "data-testid": `error-${name}` } as never };
  if (warning !== undefined)
    return { validationState: "warning", validationMessage: { children: asSentence(warning), "data-testid": `warning-${name}` } as never };
  return { validationState: "none" };
}

/** What every control is given; each uses the parts that apply to it. */
export interface ControlProps {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string;
  readonly warning?: string;
  readonly hint?: string;
  readonly required?: boolean;
  /** Text shown after the value inside the box (a unit: "%", "EUR", "MW"). */
  readonly suffix?: string;
  readonly numeric?: boolean;
  readonly placeholder?: string;
  readonly maxLength?: number;
  /** The choices of a select or radio group. */
  readonly options?: readonly { value: string; label: string }[];
  /** The text shown once the field is left (a number with its thousands separators); undefined leaves it as typed. */
  readonly format?: (text: string) => string | undefined;
  /** A button under the field (a list's "Spread around the exit value"). */
  readonly action?: { readonly testId: string; readonly label: string; readonly disabled: boolean; readonly onClick: () => void };
}

export function TextField(props: ControlProps): React.ReactElement {
  const { name, label, value, onChange, error, warning, hint, required, suffix, numeric, placeholder, maxLength, format } = props;
  const s = useStyles();
  return (
    <Field className={s.field} label={label} hint={hint} required={required} {...fieldMessage(name, error, warning)}>
      <Input
        className={s.control}
        name={name}
        data-testid={`field-${name}`}
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        inputMode={numeric ? "decimal" : undefined}
        autoComplete="off"
        spellCheck={numeric ? false : undefined}
        contentAfter={suffix !== undefined ? <span aria-hidden="true">{suffix}</span> : undefined}
        onChange={(_, data) => onChange(data.value)}
        onBlur={() => reformat(value, onChange, format)}
      />
    </Field>
  );
}

/** Once a field is left: its text as `format` shows it (a number with its separators), when that differs. */
function reformat(value: string, onChange: (value: string) => void, format?: (text: string) => string | undefined): void {
  const shown = format?.(value);
  if (shown !== undefined && shown !== value) onChange(shown);
}

export function ChoiceField({ name, label, value, options = [], onChange, error, hint }: ControlProps): React.ReactElement {
  const s = useStyles();
  return (
    <Field className={s.field} label={label} hint={hint} {...fieldMessage(name, error)}>
      <Select className={s.control} name={name} data-testid={`field-${name}`} value={value} onChange={(_, data) => onChange(data.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function RadioField({ name, label, value, options = [], onChange, error, hint }: ControlProps): React.ReactElement {
  const s = useStyles();
  return (
    <Field className={s.wide} label={label} hint={hint} {...fieldMessage(name, error)}>
      <RadioGroup value={value} onChange={(_, d) => onChange(d.value)} data-testid={`field-${name}`}>
        {options.map((o) => (
          <Radio key={o.value} value={o.value} label={o.label} />
        ))}
      </RadioGroup>
    </Field>
  );
}

/** A yes-or-no field: a checkbox whose label is the field's, its text "true" or "false". */
export function FlagField({ name, label, value, onChange, error, hint }: ControlProps): React.ReactElement {
  return (
    <Field hint={hint} {...fieldMessage(name, error)}>
      <Checkbox
        checked={value === "true"}
        onChange={(_, d) => onChange(d.checked === true ? "true" : "false")}
        label={label}
        data-testid={`field-${name}`}
      />
    </Field>
  );
}

/** A list of values, one per line, with an optional button that fills it. */
export function ListField({ name, label, value, onChange, error, hint, required, action, format }: ControlProps): React.ReactElement {
  const s = useStyles();
  return (
    <Field className={s.wide} label={label} required={required} hint={hint} {...fieldMessage(name, error)}>
      <div className={s.list}>
        <Textarea
          name={name}
          data-testid={`field-${name}`}
          value={value}
          rows={4}
          resize="vertical"
          spellCheck={false}
          onChange={(_, d) => onChange(d.value)}
          onBlur={() => reformat(value, onChange, format)}
        />
        {action !== undefined && (
          <Button size="small" appearance="secondary" data-testid={action.testId} disabled={action.disabled} onClick={action.onClick}>
            {action.label}
          </Button>
        )}
      </div>
    </Field>
  );
}
