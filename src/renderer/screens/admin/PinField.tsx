/**
 * One admin PIN field with its label: hidden digits, a number pad on touch screens, at most 12
 * digits (the PIN's longest length). The browser may offer to remember a new PIN, never to fill in
 * the PIN that unlocks Beheer.
 */
export function PinField(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  purpose: 'unlock' | 'new';
  describedBy?: string;
  autoFocus?: boolean;
}) {
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="password"
        inputMode="numeric"
        autoComplete={props.purpose === 'new' ? 'new-password' : 'off'}
        maxLength={12}
        aria-describedby={props.describedBy}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        autoFocus={props.autoFocus}
      />
    </>
  );
}
