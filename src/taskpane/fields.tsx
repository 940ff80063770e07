/**
 * Small form fields on Fluent UI's Field: a visible label, an optional hint, the error next to the
 * field (linked to the control by Fluent for screen readers), and a stable data-testid on the
 * control itself ("field-<name>") and on its message ("error-<name>").
 */
import * as React from "react";
import { Field, Input, Select, makeStyles, type InputProps } from "@fluentui/react-components";

const useStyles = makeStyles({
  // Fields sit in grid cells: let them shrink with the taskpane instead of overflowing.
  field: { minWidth: 0 },
  control: { width: "100%", minWidth: 0 },
});

export interface TextFieldProps {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onBlur?: () => void;
  readonly error?: string;
  /** A warning (the value is allowed but looks wrong): shown when there is no error, never blocking. */
  readonly warning?: string;
  readonly hint?: string;
  readonly required?: boolean;
  /** Text shown after the value inside the box (a unit: "%", "EUR", "MW"). */
  readonly suffix?: string;
  readonly numeric?: boolean;
  readonly placeholder?: string;
  readonly maxLength?: number;
  readonly inputProps?: Partial<InputProps>;
}

export function TextField(props: TextFieldProps): React.ReactElement {
  const { name, label, value, onChange, onBlur, error, warning, hint, required, suffix, numeric, placeholder, maxLength, inputProps } = props;
  const s = useStyles();
  const message =
    error !== undefined
      ? ({ children: error, "data-testid": `error-${name}` } as never)
      : warning !== undefined
        ? ({ children: warning, "data-testid": `warning-${name}` } as never)
        : undefined;
  return (
    <Field
      className={s.field}
      label={label}
      hint={hint}
      required={required}
      validationState={error !== undefined ? "error" : warning !== undefined ? "warning" : "none"}
      validationMessage={message}
    >
      <Input
        {...inputProps}
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
        onBlur={onBlur}
      />
    </Field>
  );
}

export interface ChoiceFieldProps<T extends string> {
  readonly name: string;
  readonly label: string;
  readonly value: T;
  readonly options: readonly { value: T; label: string }[];
  readonly onChange: (value: T) => void;
  readonly error?: string;
  readonly hint?: string;
}

export function ChoiceField<T extends string>({ name, label, value, options, onChange, error, hint }: ChoiceFieldProps<T>): React.ReactElement {
  const s = useStyles();
  return (
    <Field
      className={s.field}
      label={label}
      hint={hint}
      validationState={error !== undefined ? "error" : "none"}
      validationMessage={error !== undefined ? ({ children: error, "data-testid": `error-${name}` } as never) : undefined}
    >
      <Select className={s.control} name={name} data-testid={`field-${name}`} value={value} onChange={(_, data) => onChange(data.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
