import { PolicyNote } from './PolicyNote';
import type { SettingField } from './settingsForm';

/** One whole-number setting with its help line and, when IT fixed it, the policy note. */
export function NumberSetting(props: {
  id: string;
  field: SettingField;
  label: string;
  help: string;
  min: number;
  max: number;
  value: string;
  locked: boolean;
  onChange(value: string): void;
}) {
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        min={props.min}
        max={props.max}
        value={props.value}
        readOnly={props.locked}
        aria-describedby={`${props.id}-help`}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <p id={`${props.id}-help`} className="admin-help">
        {props.help}
        <PolicyNote field={props.field} />
      </p>
    </>
  );
}
