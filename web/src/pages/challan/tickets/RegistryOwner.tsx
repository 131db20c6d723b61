import { useResource } from "../../../api/useResource";
import { useAuth } from "../../../auth/AuthContext";
import { t } from "../../../i18n/catalogue";

/** The registered vehicle and owner of a plate (the server audits each look-up). */
export function RegistryOwner({ plate }: { plate: string }) {
  const { client } = useAuth();
  const { resource } = useResource(
    (signal) => client.GET("/api/v1/challan/registry/{plate}", { params: { path: { plate } }, signal }),
    [client, plate],
  );
  switch (resource.status) {
    case "loading":
      return <span className="muted">{t("challan.tickets.lookingUpTheRegistry")}</span>;
    case "unavailable":
      return <span>{t("challan.tickets.notInTheVehicle")}</span>;
    case "error":
      return <span className="field-error">{t("challan.tickets.registryLookUpFailed", { error: resource.error })}</span>;
    case "ready": {
      const record = resource.data;
      const vehicle = [record.colour, record.make, record.model].filter(Boolean).join(" ");
      return (
        <span data-testid="registry-owner">
          {record.owner_name ?? t("challan.tickets.ownerNotRecorded")}
          <span className="muted">
            {" "}
            · {record.vehicle_class}
            {vehicle ? `, ${vehicle}` : ""}
          </span>
        </span>
      );
    }
  }
}
