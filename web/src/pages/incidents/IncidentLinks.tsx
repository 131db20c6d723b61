import { useState } from "react";
import { FieldError, FormField } from "../../components/FormField";
import { useDispatchApi, useSubmit } from "./hooks";
import { formatClock } from "./time";
import type { IncidentLink, LinkKind } from "./types";
import { TableHead } from "../../components/TableHead";
import { PlayVideoLink } from "../../components/PlayVideoLink";
import { messageRecord, t } from "../../i18n/catalogue";
import { Options } from "../../components/Options";

const LINK_KINDS: Record<LinkKind, string> = messageRecord<LinkKind>({
  alert: "incidents.alert",
  camera: "incidents.camera",
  evidence: "incidents.evidence",
  person: "incidents.person",
  vehicle: "incidents.vehicle",
  call: "incidents.helplineCall",
  report: "incidents.citizenReport",
});

/** What is attached to the incident (alerts, evidence, people, vehicles, calls, reports). */
export function IncidentLinks({
  incidentId,
  links,
  canWrite,
  onAdded,
  moment,
}: {
  incidentId: number;
  links: IncidentLink[];
  /** When the incident happened: a camera link plays its video from then (default: when it was linked). */
  moment?: string;
  canWrite: boolean;
  onAdded: () => void;
}) {
  return (
    <section className="card" aria-labelledby="links-title">
      <h2 id="links-title">{t("incidents.links")}</h2>
      {links.length === 0 ? (
        <p className="state">{t("incidents.nothingLinkedYet")}</p>
      ) : (
        <table className="table" data-testid="incident-links">
          <TableHead columns={[t("incidents.kind"), t("incidents.reference"), t("incidents.note"), t("incidents.linked")]} />
          <tbody>
            {links.map((link) => (
              <tr key={link.id}>
                <td>{LINK_KINDS[link.kind] ?? link.kind}</td>
                <th scope="row">
                  {link.ref}
                  {link.kind === "camera" ? (
                    <>
                      {" "}
                      <PlayVideoLink cameraId={link.ref} moment={moment ?? link.created_at} />
                    </>
                  ) : null}
                </th>
                <td>{link.note}</td>
                <td>
                  <time dateTime={link.created_at}>{formatClock(link.created_at)}</time>{" "}
                  <span className="muted">{t("incidents.by3", { created_by: link.created_by })}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite ? <AddLinkForm incidentId={incidentId} onAdded={onAdded} /> : null}
    </section>
  );
}

function AddLinkForm({ incidentId, onAdded }: { incidentId: number; onAdded: () => void }) {
  const api = useDispatchApi();
  const [kind, setKind] = useState<LinkKind>("alert");
  const [ref, setRef] = useState("");
  const [note, setNote] = useState("");
  const { busy, error, submit } = useSubmit(async () => {
    await api.addLink(incidentId, kind, ref.trim(), note.trim());
    setRef("");
    setNote("");
    onAdded();
  });

  return (
    <form onSubmit={submit} className="form-grid link-form" aria-label={t("incidents.addLink")}>
      <FormField id="link-kind" label={t("incidents.linkKind")}>
        {(control) => (
          <select {...control} value={kind} onChange={(e) => setKind(e.target.value as LinkKind)}>
            <Options items={Object.entries(LINK_KINDS)} value={([value]) => value} label={([, label]) => label} />
          </select>
        )}
      </FormField>
      <FormField id="link-ref" label={t("incidents.reference")}>
        {(control) => (
          <input {...control} required maxLength={200} value={ref} onChange={(e) => setRef(e.target.value)} placeholder={t("incidents.idPlateSha256")} />
        )}
      </FormField>
      <FormField id="link-note" label={t("incidents.linkNote")}>
        {(control) => (
          <input {...control} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="btn" disabled={busy || !ref.trim()}>
          {t("incidents.addLink")}
        </button>
        {error ? <FieldError>{error}</FieldError> : null}
      </div>
    </form>
  );
}
