import { RecordTable, type Column } from "../../components/RecordTable";
import { t } from "../../i18n/catalogue";
import { hourLabel, type Junction } from "./types";

type JunctionMovement = { junction: Junction; movement: Junction["movements"][number] };

/** The table's columns, their headings in the current language. */
const columns = (): readonly Column<JunctionMovement>[] => [
  { header: t("cityData.junction"), cell: ({ junction }) => junction.name ?? junction.camera_id },
  { header: t("cityData.line"), cell: ({ movement }) => movement.line },
  { header: t("cityData.direction"), cell: ({ movement }) => movement.direction },
  { header: t("cityData.vehiclesTotal"), cell: ({ movement }) => movement.total },
  { header: t("cityData.peakHour"), cell: ({ movement }) => hourLabel(movement.peak_hour) },
  {
    header: t("cityData.inPeakHour"),
    cell: ({ movement }) => (movement.peak_hour === null ? "—" : movement.hours[movement.peak_hour]),
  },
];

/** Vehicles per movement of each junction: total, peak hour and the flow in that hour. */
export function JunctionTable({ junctions }: { junctions: Junction[] }) {
  if (junctions.length === 0) return <p className="muted">{t("cityData.noJunctions")}</p>;
  return (
    <RecordTable
      caption={t("cityData.junctionFlows")}
      rows={junctions.flatMap((junction) => junction.movements.map((movement) => ({ junction, movement })))}
      rowKey={({ junction, movement }) => `${junction.camera_id}/${movement.line}/${movement.direction}`}
      columns={columns()}
    />
  );
}
