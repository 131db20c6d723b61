import { useState } from "react";
import { useMutation } from "../../api/useMutation";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { purposeQuery, usePurposePrompt } from "../../components/PurposeDialog";
import { t } from "../../i18n/catalogue";
import type { Person } from "./types";

/** The masked CNIC, and for roles that may see it, "Reveal CNIC" asking for a purpose of its own (audited). */
export function RevealCnic({ person }: { person: Person }) {
  const { client, can } = useAuth();
  const [dialog, askPurpose] = usePurposePrompt();
  const [revealed, setRevealed] = useState<string | null>(null);
  const reveal = useMutation(async () => {
    const purpose = await askPurpose(t("persons.reveal.action", { name: person.name }));
    if (!purpose) return;
    const answer = await client.POST("/api/v1/persons/{person_id}/reveal-cnic", {
      params: { path: { person_id: person.id }, query: purposeQuery(purpose) },
    });
    setRevealed(answer.cnic ?? null);
  });
  if (!person.cnic_masked) return <span className="muted">{t("persons.cnic.none")}</span>;
  return (
    <span data-testid="person-cnic">
      {dialog}
      <span>{revealed ?? person.cnic_masked}</span>{" "}
      {revealed === null && can(Permission.PERSONS_REVEAL_IDENTITY) ? (
        <button type="button" className="btn btn-small" disabled={reveal.busy} onClick={() => void reveal.run()}>
          {t("persons.reveal.button")}
        </button>
      ) : null}
      {reveal.error ? <span className="field-error" role="alert">{reveal.error}</span> : null}
    </span>
  );
}
