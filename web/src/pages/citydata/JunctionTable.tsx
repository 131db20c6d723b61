import { t } from "../../i18n/catalogue";
import { hourLabel, type Junction } from "./types";

/** Vehicles per movement of each junction: total, peak hour and the flow in that hour. */
export function JunctionTable({ junctions }: { junctions: Junction[] }) {
  if (junctions.length === 0) return <p className="muted">{t("cityData.noJunctions")}</p>;
  return (
    <table aria-label={t("cityData.junctionFlows")}>
      <thead>
        <tr>
          <th>{t("cityData.junction")}</th>
          <th>{t("cityData.line")}</th>
          <th>{t("cityData.direction")}</th>
          <th>{t("cityData.vehiclesTotal")}</th>
          <th>{t("cityData.peakHour")}</th>
          <th>{t("cityData.inPeakHour")}</th>
        </tr>
      </thead>
      <tbody>
        {junctions.flatMap((junction) =>
          junction.movements.map((movement) => (
            <tr key={`${junction.camera_id}/${movement.line}/${movement.direction}`}>
              <td>{junction.name ?? junction.camera_id}</td>
              <td>{movement.line}</td>
              <td>{movement.direction}</td>
              <td>{movement.total}</td>
              <td>{hourLabel(movement.peak_hour)}</td>
              <td>{movement.peak_hour === null ? "—" : movement.hours[movement.peak_hour]}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
