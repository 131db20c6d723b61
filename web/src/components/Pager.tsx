import { t } from "../i18n/catalogue";/** Previous / next page buttons with the position in words. */
export function Pager({
  label,
  position,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
}: {
  label: string;
  position: string;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="btn btn-small" disabled={!hasPrevious} onClick={onPrevious}>
        {t("common.previousPage")}
      </button>
      <span>{position}</span>
      <button type="button" className="btn btn-small" disabled={!hasNext} onClick={onNext}>
        {t("common.nextPage")}
      </button>
    </nav>
  );
}
