import { useId, useState } from "react";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { FactList } from "../../components/FactList";
import { purposeQuery, usePurposePrompt, type Purpose } from "../../components/PurposeDialog";
import { t } from "../../i18n/catalogue";
import { identityFacts, lookupFailure, vehicleFacts, type LookupOutcome } from "./registryLookup";
import type { Person } from "./types";

/**
 * Look-ups of this person in the national systems: the CNIC in the identity registry (the CNIC is revealed
 * for it, so the role needs `persons.reveal_identity` too) and each vehicle's plate in the vehicle
 * registration. Each asks for a purpose; a registry that is down says "registry unavailable" and nothing
 * else on the page waits for it.
 */
export function RegistryPanel({ person }: { person: Person }) {
  const { client, can } = useAuth();
  const [dialog, askPurpose] = usePurposePrompt();
  const [outcomes, setOutcomes] = useState<Record<string, LookupOutcome | "busy">>({});
  const id = useId();
  if (!can(Permission.REGISTRIES_LOOKUP)) return null;
  const mayLookUpIdentity = person.cnic_masked !== null && can(Permission.PERSONS_REVEAL_IDENTITY);

  const lookUp = async (key: string, action: string, fetch: (purpose: Purpose) => Promise<[string, string][]>) => {
    const purpose = await askPurpose(action);
    if (!purpose) return;
    setOutcomes((previous) => ({ ...previous, [key]: "busy" }));
    let outcome: LookupOutcome;
    try {
      outcome = { state: "found", facts: await fetch(purpose) };
    } catch (caught) {
      outcome = lookupFailure(caught);
    }
    setOutcomes((previous) => ({ ...previous, [key]: outcome }));
  };

  const identity = () =>
    lookUp("identity", t("persons.registry.identityAction", { name: person.name }), async (purpose) => {
      const query = purposeQuery(purpose);
      const { cnic } = await client.POST("/api/v1/persons/{person_id}/reveal-cnic", {
        params: { path: { person_id: person.id }, query },
      });
      if (!cnic) return [];
      const record = await client.GET("/api/v1/registries/identity/{cnic}", { params: { path: { cnic }, query } });
      return identityFacts(record);
    });

  const vehicle = (plate: string) =>
    lookUp(`plate:${plate}`, t("persons.registry.vehicleAction", { plate }), async (purpose) => {
      const record = await client.GET("/api/v1/registries/vehicles/{plate}", {
        params: { path: { plate }, query: purposeQuery(purpose) },
      });
      return vehicleFacts(record);
    });

  const rows: { key: string; label: string; run: () => Promise<void> }[] = [
    ...(mayLookUpIdentity ? [{ key: "identity", label: t("persons.registry.identity"), run: identity }] : []),
    ...person.vehicles.map((v) => ({ key: `plate:${v.plate}`, label: t("persons.registry.vehicleOf", { plate: v.plate }), run: () => vehicle(v.plate) })),
  ];

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="registry-panel">
      {dialog}
      <h3 id={`${id}-title`}>{t("persons.registry.title")}</h3>
      {rows.length === 0 ? <p className="muted">{t("persons.registry.nothing")}</p> : null}
      <ul className="persons-registry">
        {rows.map((row) => {
          const outcome = outcomes[row.key];
          return (
            <li key={row.key}>
              <button type="button" className="btn btn-small" disabled={outcome === "busy"} onClick={() => void row.run()}>
                {row.label}
              </button>
              <div role="status" aria-live="polite">
                {outcome === "busy" ? <span className="muted">{t("persons.registry.asking")}</span> : null}
                {outcome && outcome !== "busy" ? <Outcome outcome={outcome} /> : null}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Outcome({ outcome }: { outcome: LookupOutcome }) {
  if (outcome.state !== "found") return <p className={outcome.state === "unavailable" ? "state state-unavailable" : "state"}>{outcome.text}</p>;
  return <FactList className="persons-facts" facts={outcome.facts} />;
}
