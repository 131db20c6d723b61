import { Link } from "react-router";
import type { Resource } from "../../../api/useResource";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { StateMessage } from "../../../components/StateMessage";

/** Back to the list a subject or hotlist belongs to. */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <p>
      <Link to={to}>{label}</Link>
    </p>
  );
}

/** A subject or hotlist not (yet) loaded: the way back, and why there is nothing (loading, missing, failed). */
export function NotLoaded({ back, resource, what }: { back: { to: string; label: string }; resource: Resource<unknown>; what: string }) {
  return (
    <section>
      <BackLink {...back} />
      <StateMessage resource={resource} what={what} />
    </section>
  );
}

/** A subject's or hotlist's heading, with its Delete button (which asks `question` first). */
export function DetailHead({
  titleId,
  title,
  deleteLabel,
  question,
  onDelete,
}: {
  titleId: string;
  title: string;
  deleteLabel: string;
  question: string;
  onDelete: () => void;
}) {
  return (
    <div className="section-head">
      <h2 id={titleId}>{title}</h2>
      <ConfirmButton label={deleteLabel} question={question} confirmLabel={deleteLabel} onConfirm={onDelete} />
    </div>
  );
}
