import { useMemo, useState } from "react";
import { describeError } from "../../api/errors";
import { useMutation } from "../../api/useMutation";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { SinglePageRoutes } from "../../components/SinglePageRoutes";
import { ChoiceSelect } from "../../components/ChoiceSelect";
import { Options } from "../../components/Options";
import { RecordTable } from "../../components/RecordTable";
import { ToolbarField } from "../../components/ToolbarField";
import { t } from "../../i18n/catalogue";
import "./citydata.css";
import { JunctionTable } from "./JunctionTable";
import { PeakHoursChart } from "./PeakHoursChart";
import { PlacesMap } from "./PlacesMap";
import { hourLabel, type PlaceMetric } from "./types";

export default function CityDataArea() {
  return <SinglePageRoutes page={<CityDataPage />} home="/city-data" />;
}

const PERIOD_DAYS = [1, 7, 28] as const;
const OBJECT_CLASSES = ["person", "bicycle", "car", "motorcycle", "bus", "truck"] as const;
const METRICS: readonly PlaceMetric[] = ["people", "vehicles", "density"];
type ObjectClass = (typeof OBJECT_CLASSES)[number];
const EXPORTS = [
  { path: "/api/v1/dashboards/city/places.csv", label: "cityData.exportPlacesCsv" },
  { path: "/api/v1/dashboards/city/places.geojson", label: "cityData.exportPlacesGeojson" },
  { path: "/api/v1/dashboards/city/junctions.csv", label: "cityData.exportJunctionsCsv" },
] as const;
type ExportPath = (typeof EXPORTS)[number]["path"];

const PERIOD_LABEL = { 1: "cityData.lastDay", 7: "cityData.lastWeek", 28: "cityData.last4Weeks" } as const;
const METRIC_LABEL = { people: "cityData.people", vehicles: "cityData.vehicles", density: "cityData.density" } as const;

/** The period's window: the last `days` days up to the coming whole hour (fixed while the choice stands). */
function periodOf(days: number): { since: string; until: string } {
  const until = new Date();
  until.setUTCMinutes(0, 0, 0);
  until.setUTCHours(until.getUTCHours() + 1);
  const since = new Date(until.getTime() - days * 86_400_000);
  return { since: since.toISOString(), until: until.toISOString() };
}

/** City data for planning: people and vehicles per place, peak hours, crowd density and junction flows. */
export function CityDataPage() {
  const { client } = useAuth();
  const [days, setDays] = useState<number>(7);
  const [district, setDistrict] = useState("");
  const [objectClass, setObjectClass] = useState<ObjectClass | "">("");
  const [metric, setMetric] = useState<PlaceMetric>("people");
  const period = useMemo(() => periodOf(days), [days]);
  const query = { ...period, district: district || undefined, object_class: objectClass || undefined };
  const places = useResource(
    (signal) => client.GET("/api/v1/dashboards/city/places", { params: { query }, signal }),
    [client, period, district, objectClass],
  ).resource;
  const junctions = useResource(
    (signal) => client.GET("/api/v1/dashboards/city/junctions", { params: { query }, signal }),
    [client, period, district, objectClass],
  ).resource;
  const exported = useMutation(
    async (path: ExportPath) => {
      const download = await client.file("get", path, { params: { query } });
      const url = URL.createObjectURL(download.blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = download.filename;
      document.body.append(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
    },
    { describe: (caught) => t("cityData.exportFailed", { error: describeError(caught) }) },
  );
  const data = places.data;

  return (
    <section className="city-data">
      <div className="page-head">
        <h1>{t("cityData.title")}</h1>
        <div className="toolbar">
          <ToolbarField label={t("cityData.period")}>
            <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
              <Options items={PERIOD_DAYS} label={(d) => t(PERIOD_LABEL[d])} />
            </select>
          </ToolbarField>
          <ToolbarField label={t("cityData.district")}>
            <input value={district} onChange={(e) => setDistrict(e.target.value)} placeholder={t("cityData.all")} />
          </ToolbarField>
          <ToolbarField label={t("cityData.objectClass")}>
            <ChoiceSelect
              values={OBJECT_CLASSES}
              none={t("cityData.allClasses")}
              value={objectClass}
              onChange={(value: ObjectClass | "") => setObjectClass(value)}
            />
          </ToolbarField>
          <ToolbarField label={t("cityData.mapShows")}>
            <ChoiceSelect values={METRICS} label={(m) => t(METRIC_LABEL[m])} value={metric} onChange={setMetric} />
          </ToolbarField>
        </div>
      </div>
      <div className="toolbar">
        {EXPORTS.map(({ path, label }) => (
          <button key={path} type="button" className="btn" disabled={exported.busy} onClick={() => void exported.run(path)}>
            {t(label)}
          </button>
        ))}
        <span role="status" className={exported.error ? "field-error" : "muted"}>
          {exported.error ?? ""}
        </span>
      </div>
      {places.status === "error" && <p role="alert">{t("cityData.loadFailed", { error: places.error })}</p>}
      {places.status === "loading" && !data && <p role="status">{t("cityData.loading")}</p>}
      {data && (
        <>
          {data.places.length === 0 && <p className="muted">{t("cityData.noCounts")}</p>}
          {data.unlocated.length > 0 && (
            <p role="note">{t("cityData.unlocated", { count: data.unlocated.length, ids: data.unlocated.join(", ") })}</p>
          )}
          <PlacesMap places={data.places} metric={metric} />
          <h2>{t("cityData.peakHours")}</h2>
          <PeakHoursChart places={data.places} />
          <h2>{t("cityData.places")}</h2>
          <RecordTable
            caption={t("cityData.places")}
            rows={data.places}
            rowKey={(place) => place.camera_id}
            columns={[
              {
                header: t("cityData.place"),
                cell: (place) => `${place.name ?? place.camera_id}${place.located ? "" : ` ${t("cityData.noPosition")}`}`,
              },
              { header: t("cityData.district"), cell: (place) => place.district ?? "—" },
              { header: t("cityData.people"), cell: (place) => place.people },
              { header: t("cityData.vehicles"), cell: (place) => place.vehicles },
              { header: t("cityData.peakHour"), cell: (place) => hourLabel(place.peak_hour) },
              { header: t("cityData.meanOccupancy"), cell: (place) => place.mean_occupancy.toFixed(2) },
              { header: t("cityData.peakOccupancy"), cell: (place) => place.peak_occupancy },
            ]}
          />
        </>
      )}
      <h2>{t("cityData.junctionFlows")}</h2>
      {junctions.status === "error" && <p role="alert">{t("cityData.loadFailed", { error: junctions.error })}</p>}
      {junctions.data && <JunctionTable junctions={junctions.data.junctions} />}
    </section>
  );
}
