import { HEALTH_STATES, stateWords, type CameraFilter } from "./health";

interface Props {
  filter: CameraFilter;
  districts: string[];
  onChange: (filter: CameraFilter) => void;
}

export function CameraFilters({ filter, districts, onChange }: Props) {
  const set = <K extends keyof CameraFilter>(key: K, value: CameraFilter[K]) => onChange({ ...filter, [key]: value });
  return (
    <div className="filters camera-filters" role="search" aria-label="Filter cameras">
      <div className="field">
        <label htmlFor="camera-filter-text">Search</label>
        <input
          id="camera-filter-text"
          type="search"
          placeholder="Name, ID, district or zone"
          value={filter.text}
          onChange={(event) => set("text", event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="camera-filter-district">District</label>
        <select id="camera-filter-district" value={filter.district} onChange={(event) => set("district", event.target.value)}>
          <option value="">All districts</option>
          {districts.map((district) => (
            <option key={district} value={district}>
              {district}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="camera-filter-enabled">Status</label>
        <select
          id="camera-filter-enabled"
          value={filter.enabled}
          onChange={(event) => set("enabled", event.target.value as CameraFilter["enabled"])}
        >
          <option value="">Enabled and disabled</option>
          <option value="enabled">Enabled</option>
          <option value="disabled">Disabled</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="camera-filter-health">Health</label>
        <select id="camera-filter-health" value={filter.state} onChange={(event) => set("state", event.target.value)}>
          <option value="">Any health</option>
          {HEALTH_STATES.map((state) => (
            <option key={state} value={state}>
              {stateWords(state)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
