import { SubmitActions } from "../../components/SubmitActions";

/**
 * The submit row of a panel's add form (links, vehicles): when the server named fields, their errors stand
 * beside them and only its word on the whole form (if any) here; otherwise the failure in words.
 */
export function AddActions({
  label,
  busyLabel,
  action,
  errors,
}: {
  label: string;
  busyLabel: string;
  action: { busy: boolean; error: string | null };
  errors: Partial<Record<string, string>>;
}) {
  const error = Object.keys(errors).length > 0 ? (errors.form ?? null) : action.error;
  return <SubmitActions className="wide" label={label} busyLabel={busyLabel} busy={action.busy} error={error} />;
}
